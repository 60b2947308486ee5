/** How the admin's server actions answer: a small typed result, never a stack. */
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { type Actor } from "@/lib/admin/common";
import type { CurrentUser } from "@/lib/auth/current-user";
import { logUnexpected } from "@/lib/log";
import { invalidInput } from "@/lib/validations/field-errors";
import { Refusal } from "@/lib/refusal";

export type AdminActionResult<T = undefined> =
  | { ok: true; data: T; message: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export const invalid = (error: z.ZodError): AdminActionResult<never> => invalidInput(error);

/** The admin as the audit trail records them, with the address the request came from. */
export async function actorOf(user: CurrentUser): Promise<Actor> {
  const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  return { id: user.id, username: user.username, ip };
}

/** Expected refusals become messages (on their field when they name one); anything else is logged with a reference. */
export async function runAdminChange<T>(what: string, body: () => Promise<{ data: T; message: string }>): Promise<AdminActionResult<T>> {
  try {
    const { data, message } = await body();
    return { ok: true, data, message };
  } catch (error) {
    if (error instanceof Refusal) {
      return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.fieldMessage ?? error.message } : undefined };
    }
    const requestId = logUnexpected(`${what} failed`, error);
    return { ok: false, message: `Something went wrong (ref ${requestId}). Try again.` };
  }
}
