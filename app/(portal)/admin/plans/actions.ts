"use server";
/** The admin's commission plans: a new plan from a later day on; plans in force or past never change. */
import { db } from "@/lib/db/client";
import { formatIst } from "@/lib/format";
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
    unexpected: (reference) => `The plan could not be saved (ref ${reference}). Try again.`,
    revalidates: "/admin/plans",
  },
  async (input, { user }) => {
    const result = await addPlan(db(), input, user);
    if (!result.ok) return refused("Check the highlighted fields.", result.fieldErrors);
    return done(undefined, `"${result.plan.name}" is saved. It applies to transfers from ${formatIst(result.plan.effectiveFrom!, "d MMM yyyy, HH:mm")}.`);
  },
);
