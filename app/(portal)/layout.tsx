import { PortalHeader } from "@/components/portal-header";
import { QueryProvider } from "@/components/query-provider";
import { SandboxOtpPanel } from "@/components/sandbox-otp-panel";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // The customer's SMS stand-in is for whoever types OTPs in: agents (and admins testing).
  const sandbox = config().aopay.sandbox && user.role !== "SUPERVISOR";
  return (
    <QueryProvider>
      <PortalHeader user={user} />
      {/* Room at the bottom so the sandbox panel never hides the last button. */}
      <main className={`mx-auto max-w-6xl px-4 pt-6 ${sandbox ? "pb-24" : "pb-6"}`}>{children}</main>
      {sandbox ? <SandboxOtpPanel /> : null}
    </QueryProvider>
  );
}
