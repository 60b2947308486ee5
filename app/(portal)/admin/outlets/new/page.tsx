import type { Metadata } from "next";
import { OutletForm } from "@/components/admin/outlets-form";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Add outlet" };

export default async function NewOutletPage() {
  await requireUser("ADMIN");
  return (
    <>
      <PageHeading title="Add outlet" description="A shop whose agents send transfers, with the RegistrationID AOPay issued for it." />
      <section className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <OutletForm />
      </section>
    </>
  );
}
