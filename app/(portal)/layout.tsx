import { PortalHeader } from "@/components/portal-header";
import { requireUser } from "@/lib/auth/current-user";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <PortalHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
