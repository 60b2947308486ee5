"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { formatIst } from "@/lib/format";
import { logUnexpected } from "@/lib/log";
import { firstPlanDay, planFormSchema, type PlanFormValues } from "@/lib/money/plan-form";
import { addPlan } from "@/lib/money/plans";
import { invalidInput } from "@/lib/validations/field-errors";

export type PlanActionResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Field errors keyed by the form's own field names ("slabs.0.upTo"), first message per field. */
const invalid = (error: z.ZodError): PlanActionResult => invalidInput(error, "path");

/** Adds a commission plan from a later day on; plans in force or past are never changed. */
export async function createPlanAction(input: PlanFormValues): Promise<PlanActionResult> {
  const admin = await requireUser("ADMIN");
  const parsed = planFormSchema(firstPlanDay(new Date())).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await addPlan(db(), parsed.data, admin);
    if (!result.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: result.fieldErrors };
    revalidatePath("/admin/plans");
    return { ok: true, message: `"${result.plan.name}" is saved. It applies to transfers from ${formatIst(result.plan.effectiveFrom!, "d MMM yyyy, HH:mm")}.` };
  } catch (error) {
    const requestId = logUnexpected("plan creation failed", error);
    return { ok: false, message: `The plan could not be saved (ref ${requestId}). Try again.` };
  }
}
