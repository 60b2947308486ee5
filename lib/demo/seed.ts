/**
 * Demo data for a new install: one outlet, one user per role and a few days of transfers
 * (with the sandbox's records of them). Written only into an
 * empty database, so it never touches real data.
 */
import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/auth/sealed";
import { config } from "@/lib/config";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { subDays } from "date-fns";
import { postDeposit } from "@/lib/wallet/book";
import { seedDemoLedger } from "@/lib/demo/demo-ledger";
import { defaultPlan } from "@/lib/money/charges";
import { indiaMidnight } from "@/lib/days";
import type { Role } from "@/lib/roles";

export const demoOutlet = {
  name: "Shree Ganesh Telecom, Andheri East",
  registrationId: "AOP-554",
  address: "Shop 4, Marol Naka, Andheri Kurla Road, Andheri East, Mumbai",
  pincode: "400059",
  latitude: "19.108600",
  longitude: "72.879900",
} as const;

export const demoUsers: { username: string; password: string; name: string; role: Role }[] = [
  { username: "agent", password: "agent-demo-pass", name: "Ravi Kumar", role: "AGENT" },
  { username: "supervisor", password: "supervisor-demo-pass", name: "Meena Iyer", role: "SUPERVISOR" },
  { username: "admin", password: "admin-demo-pass", name: "Arjun Mehta", role: "ADMIN" },
];

/**
 * The demo's commission plans, on the built-in plan's terms (1% per part, minimum Rs 10, AOPay
 * Rs 4, GST 18% included): TDS 5% from 1 Apr 2024, then 2% from 1 Oct 2024 (section 194H).
 */
export const demoPlans = [
  { name: "FY 2024-25 launch (TDS 5%)", effectiveDay: "2024-04-01", tdsRate: "0.05" },
  { name: "TDS 2% from 1 Oct 2024", effectiveDay: "2024-10-01", tdsRate: String(defaultPlan.tdsRate) },
].map((p) => ({
  name: p.name,
  effectiveFrom: indiaMidnight(p.effectiveDay),
  slabs: defaultPlan.slabs.map((s) => ({ upTo: s.upTo, percent: String(s.percent), minimum: String(s.minimum), flat: null })),
  apiCharge: String(defaultPlan.apiCharge),
  gstRate: String(defaultPlan.gstRate),
  tdsRate: p.tdsRate,
}));

/**
 * The demo users' authenticator secret, published like their passwords: they come with the
 * second factor set up, and the sign-in page's demo box shows each one's current code, so a
 * newcomer needs no authenticator app. Never used outside the demo (lib/demo/mode.ts).
 */
export const demoTotpSecret = "COUNTERPORTALDEMOTWOSTEPSIGNIN22";

export type SeedResult = "seeded" | "not-empty";

/**
 * `transfers: false` leaves out the few days of demo transfers (tests that count their own).
 * `authSecret`: the AUTH_SECRET of the portal that will read the data, when not this process's.
 */
/** The demo outlet's opening deposit, in rupees: ten lakh, more than a day of demos sends. */
export const demoOpeningFloat = "1000000.00";

export async function seedDemoData(
  prisma: PrismaClient,
  options: { transfers?: boolean; now?: Date; authSecret?: string } = {},
): Promise<SeedResult> {
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  const totpSecret = seal("totp-secret", demoTotpSecret, options.authSecret ?? config().authSecret);
  return prisma.$transaction(async (tx) => {
    const [users, outlets] = await Promise.all([tx.user.count(), tx.outlet.count()]);
    if (users > 0 || outlets > 0) return "not-empty";
    const outlet = await tx.outlet.create({ data: demoOutlet });
    // The outlet paid in a float a month ago: its wallet covers the demo's transfers and many more.
    await postDeposit(tx, { outletId: outlet.id, amount: demoOpeningFloat, memo: "Opening float (demo)", at: subDays(options.now ?? new Date(), 31) });
    await tx.user.createMany({
      data: demoUsers.map((u, i) => ({
        username: u.username,
        name: u.name,
        role: u.role,
        passwordHash: hashes[i]!,
        totpSecret,
        totpEnrolledAt: options.now ?? new Date(),
        outletId: u.role === "ADMIN" ? null : outlet.id,
      })),
    });
    await tx.chargePlan.createMany({ data: demoPlans });
    if (options.transfers !== false) {
      const agent = await tx.user.findUniqueOrThrow({ where: { username: "agent" }, select: { id: true } });
      await seedDemoLedger(tx, outlet, agent.id, options.now ?? new Date());
      // The demo ledger works its figures out with the built-in plan, whose terms the 2% plan
      // has: the parts from that plan's start on are recorded as that plan's.
      const current = demoPlans.at(-1)!;
      const { id } = await tx.chargePlan.findUniqueOrThrow({ where: { effectiveFrom: current.effectiveFrom }, select: { id: true } });
      await tx.transferPart.updateMany({ where: { createdAt: { gte: current.effectiveFrom } }, data: { planId: id } });
    }
    return "seeded";
  }, { timeout: 60_000 });
}
