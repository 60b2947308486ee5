/**
 * The one way to write a server action: `action({ name, roles, input }, handler)`.
 *
 * Inside itself, before the handler runs, every action checks the session and the role
 * (requireUser: 401 or 403, audited) and parses its input with zod; refused input never reaches
 * the handler, so it never reaches AOPay. A Refusal thrown anywhere below becomes its message;
 * anything else is logged under a reference and the user reads a sentence with it, never a
 * stack. Ownership of what the input names is the handler's (or its domain module's) to check,
 * with the user it is given.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { logUnexpected } from "@/lib/log";
import { Refusal } from "@/lib/refusal";
import type { Role } from "@/lib/roles";
import { clientIp } from "@/lib/server/client-ip";
import { invalidInput } from "@/lib/validations/field-errors";

export type { ActionResult } from "@/lib/action-result";

export interface ActionContext {
  user: CurrentUser;
  /** The client's address as the trusted proxies report it (read only when asked for). */
  ip(): Promise<string | null>;
  /** The user as the audit trail records them: who, and from which address. */
  actor(): Promise<{ id: string; username: string; ip: string | null }>;
}

export interface ActionOptions<S extends z.core.$ZodType, D> {
  /** What the action does, for the log line of an unexpected failure ("confirm transfer"). */
  name: string;
  /** Who may call it; checked before anything else. */
  roles: readonly [Role, ...Role[]];
  /** The input's schema, or a function making it when it depends on settings read per call. */
  input: S | (() => S);
  /** Field errors keyed by top-level field (default) or by whole path, for nested forms. */
  fieldKeys?: "field" | "path";
  /** How refused input is answered, when a form needs other words than "Check the highlighted fields." */
  refusedInput?: (error: z.ZodError, raw: unknown) => Extract<ActionResult<never, D>, { ok: false }>;
  /** The sentence of an unexpected failure, given its reference. */
  unexpected?: (reference: string) => string;
  /** Extra fields for the log line of an unexpected failure. */
  logContext?: (input: z.output<S>) => Record<string, unknown>;
  /** A path whose cached pages are stale after a successful call. */
  revalidates?: string | ((input: z.output<S>) => string);
}

export type ActionHandler<S extends z.core.$ZodType, T, D> = (input: z.output<S>, context: ActionContext) => Promise<ActionResult<T, D>>;

/** An action whose input may be left out (an optional schema) is called with no argument. */
type ActionArgs<S extends z.core.$ZodType> = undefined extends z.input<S> ? [raw?: z.input<S>] : [raw: z.input<S>];

const tryAgain = (reference: string) => `Something went wrong (ref ${reference}). Try again.`;

/** Declares a server action called with an object (from a react-hook-form submit, say). */
export function action<S extends z.core.$ZodType, T = undefined, D = undefined>(options: ActionOptions<S, D>, handler: ActionHandler<S, T, D>) {
  return async (...[raw]: ActionArgs<S>): Promise<ActionResult<T, D>> => run(options, handler, raw);
}

/** Declares a server action for `useActionState`: it reads its input from the form's fields. */
export function formAction<S extends z.core.$ZodType, T = undefined, D = undefined>(options: ActionOptions<S, D>, handler: ActionHandler<S, T, D>) {
  return async (_previous: ActionResult<T, D> | null, formData: FormData): Promise<ActionResult<T, D>> => run(options, handler, Object.fromEntries(formData));
}

async function run<S extends z.core.$ZodType, T, D>(options: ActionOptions<S, D>, handler: ActionHandler<S, T, D>, raw: unknown): Promise<ActionResult<T, D>> {
  const user = await requireUser(...options.roles);
  const schema = typeof options.input === "function" ? options.input() : options.input;
  // zod's own function, not a schema method: the forms' schemas are zod/mini (lib/validations/zod.ts).
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) return options.refusedInput?.(parsed.error, raw) ?? invalidInput(parsed.error, options.fieldKeys);
  let result: ActionResult<T, D>;
  try {
    const ip = async () => clientIp(await headers());
    result = await handler(parsed.data, { user, ip, actor: async () => ({ id: user.id, username: user.username, ip: await ip() }) });
  } catch (error) {
    // Next's own control flow (a redirect after an import, say) is not a failure: let it through.
    unstable_rethrow(error);
    if (error instanceof Refusal) return refusalResult(error);
    const reference = logUnexpected(`${options.name} failed`, error, { userId: user.id, ...options.logContext?.(parsed.data) });
    return { ok: false, message: (options.unexpected ?? tryAgain)(reference), reference };
  }
  if (result.ok && options.revalidates) revalidatePath(typeof options.revalidates === "function" ? options.revalidates(parsed.data) : options.revalidates);
  return result;
}

/** A refusal as the form shows it: its message, and under its field when it names one. */
export function refusalResult(error: Refusal): { ok: false; message: string; fieldErrors?: Record<string, string> } {
  return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.fieldMessage ?? error.message } : undefined };
}

/** A successful answer, with the sentence to show when there is one. */
export function done<T>(data: T, message?: string): { ok: true; data: T; message?: string } {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

/** A refused answer the handler decides on itself. */
export function refused<D = undefined>(message: string, fieldErrors?: Record<string, string>, details?: D): { ok: false; message: string; fieldErrors?: Record<string, string>; details?: D } {
  return { ok: false, message, ...(fieldErrors ? { fieldErrors } : {}), ...(details !== undefined ? { details } : {}) };
}
