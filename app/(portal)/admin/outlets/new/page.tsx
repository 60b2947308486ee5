import type { Metadata } from "next";
import { OutletForm } from "@/components/admin/outlets-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Add outlet" };

export default async function NewOutletPage() {
  await requireUser("ADMIN");
  return (
    <>
      <PageHeading title="Add outlet" description="A shop whose agents send transfers, with the RegistrationID AOPay issued for it." />
      <Card padding="roomy">
        <OutletForm />
      </Card>
    </>
  );
}
