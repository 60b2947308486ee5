import { PortalHeader } from "@/components/portal-header";
import { QueryProvider } from "@/components/query-provider";
import { SandboxOtpPanel } from "@/components/sandbox-otp-panel";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <QueryProvider>
      <PortalHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      {config().aopay.sandbox ? <SandboxOtpPanel /> : null}
    </QueryProvider>
  );
}
