/** How the admin's server actions answer: a small typed result, never a stack. */
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { AdminRefusal, type Actor } from "@/lib/admin/common";
import type { CurrentUser } from "@/lib/auth/current-user";
import { log, newRequestId } from "@/lib/log";

export type AdminActionResult<T = undefined> =
  | { ok: true; data: T; message: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export function invalid(error: z.ZodError): AdminActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, message: "Check the highlighted fields.", fieldErrors };
}

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
    if (error instanceof AdminRefusal) {
      return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.fieldMessage ?? error.message } : undefined };
    }
    const requestId = newRequestId();
    log.error({ requestId, err: error }, `${what} failed`);
    return { ok: false, message: `Something went wrong (ref ${requestId}). Try again.` };
  }
}
