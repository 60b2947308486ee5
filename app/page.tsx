import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { roleHome } from "@/lib/roles";

/** Sends each role to its own home. */
export default async function HomePage() {
  const user = await requireUser();
  redirect(roleHome[user.role]);
}
