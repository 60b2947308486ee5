import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/users-form";
import { PageHeading } from "@/components/page-heading";
import { outletChoices } from "@/lib/admin/outlets";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Add user" };

export default async function NewUserPage() {
  await requireUser("ADMIN");
  const outlets = await outletChoices(db());
  return (
    <>
      <PageHeading title="Add user" description="Agents and supervisors work at an outlet. The password is generated and shown once, or typed by you." />
      <CreateUserForm outlets={outlets} />
    </>
  );
}
