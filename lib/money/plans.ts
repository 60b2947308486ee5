/**
 * Commission plans over time. The plan in force at an instant is the stored plan with the
 * latest `effectiveFrom` at or before it, or the built-in `defaultPlan` when there is none.
 * Plans are never edited: a change is a new plan starting on a later day (tomorrow at the
 * earliest), so a transfer's expected figures, written with the plan in force when it was
 * created, never change afterwards.
 */
import { Prisma, type ChargePlan as ChargePlanRow, type PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { defaultPlan, type ChargePlan } from "@/lib/money/charges";
import { firstPlanDay, storedSlabsSchema, termsFromForm, type PlanFormInput } from "@/lib/money/plan-form";
import { indiaMidnight } from "@/lib/days";
import type { MessageKey } from "@/lib/i18n/message-key";

type Db = PrismaClient | Prisma.TransactionClient;

export interface PlanInForce {
  /** Null for the built-in default plan. */
  id: string | null;
  name: string;
  /** Null for the built-in default plan, which has always applied where no plan does. */
  effectiveFrom: Date | null;
  /** Plain strings and numbers: safe to hand from a server page to the browser. */
  terms: ChargePlan;
}

/** Its name is English data (the audit trail, logs); screens say it with planName (lib/money/plan-text.ts). */
export const builtInPlan: PlanInForce = { id: null, name: "Built-in default", effectiveFrom: null, terms: defaultPlan };

/** A stored plan's terms; a row whose slabs are not what the portal writes is refused loudly. */
export function termsOf(row: Pick<ChargePlanRow, "slabs" | "apiCharge" | "gstRate" | "tdsRate">): ChargePlan {
  return {
    slabs: storedSlabsSchema.parse(row.slabs).map((s) => ({ upTo: s.upTo, percent: s.percent, minimum: s.minimum, flat: s.flat ?? null })),
    apiCharge: row.apiCharge.toString(),
    gstRate: row.gstRate.toString(),
    tdsRate: row.tdsRate.toString(),
  };
}

function toPlan(row: ChargePlanRow): PlanInForce {
  return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, terms: termsOf(row) };
}

/** Of `plans` (any order), the one in force at `at`. */
export function selectPlan<P extends { effectiveFrom: Date | null }>(plans: readonly P[], at: Date): P | undefined {
  let best: P | undefined;
  for (const p of plans) {
    if (p.effectiveFrom && p.effectiveFrom <= at && (!best?.effectiveFrom || p.effectiveFrom > best.effectiveFrom)) best = p;
  }
  return best;
}

/** The plan for a transfer created at `at`. Inside the transfer's own transaction, see `addPlan`. */
export async function planInForce(db: Db, at: Date): Promise<PlanInForce> {
  const row = await db.chargePlan.findFirst({ where: { effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: "desc" } });
  return row ? toPlan(row) : builtInPlan;
}

export interface PlanListing extends PlanInForce {
  /** When the next plan takes over; null while none is scheduled. */
  until: Date | null;
  createdAt: Date | null;
  createdBy: string | null;
}

/** Every plan, for the admin: the one in force now, those still to come, and those replaced. */
export async function listPlans(db: Db, now: Date): Promise<{ current: PlanListing; upcoming: PlanListing[]; past: PlanListing[] }> {
  const rows = await db.chargePlan.findMany({ orderBy: { effectiveFrom: "asc" } });
  const creatorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const creators = new Map((await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const plans: PlanListing[] = rows.map((r, i) => ({
    ...toPlan(r),
    until: rows[i + 1]?.effectiveFrom ?? null,
    createdAt: r.createdAt,
    createdBy: r.createdById ? (creators.get(r.createdById) ?? null) : null,
  }));
  const current = selectPlan(plans, now);
  return {
    current: current ?? { ...builtInPlan, until: plans[0]?.effectiveFrom ?? null, createdAt: null, createdBy: null },
    upcoming: plans.filter((p) => p.effectiveFrom! > now),
    past: plans.filter((p) => p.effectiveFrom! <= now && p !== current).reverse(),
  };
}

/** The field errors are message keys, said in the admin's language by the action. */
export type AddPlanResult = { ok: true; plan: PlanInForce } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Stores a new plan from the admin's (already validated) form, with its audit event.
 *
 * The table lock waits for every transfer that has already looked up its plan to finish, and
 * holds off the others until this commits; "not before tomorrow" is checked after it. So no
 * transfer created at or after the new plan's start can have been written with an older plan.
 */
export async function addPlan(
  prisma: PrismaClient,
  form: PlanFormInput,
  actor: { id: string; username: string },
  now: () => Date = () => new Date(),
): Promise<AddPlanResult> {
  const effectiveFrom = indiaMidnight(form.effectiveDay);
  const terms = termsFromForm(form);
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE charge_plans IN ACCESS EXCLUSIVE MODE`;
      if (form.effectiveDay < firstPlanDay(now())) {
        return { ok: false, fieldErrors: { effectiveDay: "validation.plan.tomorrowOrLater" satisfies MessageKey } };
      }
      const row = await tx.chargePlan.create({
        data: {
          name: form.name,
          effectiveFrom,
          slabs: terms.slabs.map((s) => ({ upTo: s.upTo, percent: String(s.percent), minimum: String(s.minimum), flat: s.flat == null ? null : String(s.flat) })),
          apiCharge: String(terms.apiCharge),
          gstRate: String(terms.gstRate),
          tdsRate: String(terms.tdsRate),
          createdById: actor.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        actorLabel: actor.username,
        action: "plan.created",
        targetType: "charge_plan",
        targetId: row.id,
        details: { name: row.name, effectiveFrom: effectiveFrom.toISOString(), slabs: row.slabs as Prisma.InputJsonArray, apiCharge: row.apiCharge.toFixed(2), gstRate: row.gstRate.toString(), tdsRate: row.tdsRate.toString() },
      });
      return { ok: true, plan: toPlan(row) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, fieldErrors: { effectiveDay: "admin.plans.server.dayTaken" satisfies MessageKey } };
    }
    throw error;
  }
}
