import { headerWalletBalance } from "@/app/(portal)/wallet/data";
import { PortalHeader } from "@/components/portal-header";
import { SandboxOtpPanel } from "@/components/sandbox-otp-panel";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // The customer's SMS stand-in is for whoever types OTPs in: the agents.
  const sandbox = config().aopay.sandbox && user.role === "AGENT";
  const wallet = await headerWalletBalance(user);
  return (
    <>
      <PortalHeader user={user} wallet={wallet} />
      <main className="mx-auto max-w-6xl px-4 pt-6 pb-6">
        {/* In the page's flow, above the counter: it never covers a button or a figure. */}
        {sandbox ? <SandboxOtpPanel /> : null}
        {children}
      </main>
    </>
  );
}
