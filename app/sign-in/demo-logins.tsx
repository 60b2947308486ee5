/**
 * The sandbox's demo box: each demo user's published password and the authenticator code their
 * published demo secret gives now, so a newcomer signs in without an app. Rendered only in
 * demo mode (lib/demo/mode.ts); with a live AOPay there are no demo users.
 */
import { getTranslations } from "next-intl/server";
import { DemoCode } from "@/app/sign-in/demo-code";
import { totpCode, totpCodeEndsAt } from "@/lib/auth/totp";
import { demoTotpSecret, demoUsers } from "@/lib/demo/seed";
import { roleLabelKeys } from "@/lib/roles";

export async function DemoLogins({ only }: { only?: string }) {
  const t = await getTranslations();
  const now = new Date();
  const code = totpCode(demoTotpSecret, now);
  const shown = demoUsers.filter((u) => !only || u.username === only);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="demo-logins" className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
      <h2 id="demo-logins" className="font-semibold text-amber-900">
        {t("demoLogins.heading")}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-amber-950 sm:grid-cols-[auto_1fr]">
        {shown.map((u) => (
          <div key={u.username} className="contents">
            <dt className="font-medium">{t(roleLabelKeys[u.role])}</dt>
            <dd className="mb-1 font-mono sm:mb-0">
              {t("demoLogins.login", { username: u.username, password: u.password })} <DemoCode code={code} endsAt={totpCodeEndsAt(now).getTime()} username={u.username} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-amber-900">{t("demoLogins.codeChanges")}</p>
    </section>
  );
}
