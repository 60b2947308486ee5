import "server-only";
import { listUsers } from "@/lib/admin/users";
import { recentFailures } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/client";

/** Every user, and the last day's failed sign-ins, for the admin (the page checks the role). */
export async function usersData() {
  const [users, failures] = await Promise.all([listUsers(db()), recentFailures(db())]);
  return { users, failures };
}
