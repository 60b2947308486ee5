"use server";
/** The admin's commission plans: a new plan from a later day on; plans in force or past never change. */
import { getLocale } from "next-intl/server";
import { planMoment } from "@/app/(portal)/admin/plans/data";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { firstPlanDay, planFormSchema } from "@/lib/money/plan-form";
import { addPlan } from "@/lib/money/plans";
import { action, done, refused } from "@/lib/server/action";

export const createPlanAction = action(
  {
    name: "plan creation",
    roles: ["ADMIN"],
    input: () => planFormSchema(firstPlanDay(new Date())),
    // Field errors keyed by the form's own field names ("slabs.0.upTo").
    fieldKeys: "path",
    unexpected: (reference) => said("admin.plans.server.unexpected", { reference }),
    revalidates: "/admin/plans",
  },
  async (input, { user }) => {
    const result = await addPlan(db(), input, user);
    if (!result.ok) return refused(said("actions.checkFields"), result.fieldErrors);
    const from = planMoment(result.plan.effectiveFrom!, await getLocale());
    return done(undefined, said("admin.plans.server.saved", { name: result.plan.name, from }));
  },
);
