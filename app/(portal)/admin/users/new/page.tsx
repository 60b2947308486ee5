import type { Metadata } from "next";
import { newUserData } from "@/app/(portal)/admin/users/new/data";
import { CreateUserForm } from "@/components/admin/users-form";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Add user" };

export default async function NewUserPage() {
  await requireUser("ADMIN");
  const outlets = await newUserData();
  return (
    <>
      <PageHeading title="Add user" description="Agents and supervisors work at an outlet. The password is generated and shown once, or typed by you." />
      <CreateUserForm outlets={outlets} />
    </>
  );
}
