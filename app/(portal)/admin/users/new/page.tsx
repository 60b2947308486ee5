import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { newUserData } from "@/app/(portal)/admin/users/new/data";
import { CreateUserForm } from "@/components/admin/users-form";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.users.add") };
}

export default async function NewUserPage() {
  await requireUser("ADMIN");
  const outlets = await newUserData();
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("admin.users.add")} description={t("admin.users.new.description")} />
      <CreateUserForm outlets={outlets} />
    </>
  );
}
