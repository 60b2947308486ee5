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
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { keyOrText } from "@/lib/i18n/issue-text";
import { said, speak, type Said, type Say, type Spoken } from "@/lib/i18n/said";
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
  refusedInput?: (error: z.ZodError, raw: unknown) => Extract<HandlerResult<never, D>, { ok: false }>;
  /** The sentence of an unexpected failure, given its reference. */
  unexpected?: (reference: string) => string | Said;
  /** Extra fields for the log line of an unexpected failure. */
  logContext?: (input: z.output<S>) => Record<string, unknown>;
  /** A path whose cached pages are stale after a successful call. */
  revalidates?: string | ((input: z.output<S>) => string);
}

/**
 * What a handler answers: an ActionResult whose sentences may be Saids (message keys), which the
 * pipeline says in the reader's language, wherever they sit in the answer.
 */
export type HandlerResult<T, D> = { ok: true; data: T; message?: string | Said } | { ok: false; message: string | Said; fieldErrors?: Record<string, string>; reference?: string; details?: D };

export type ActionHandler<S extends z.core.$ZodType, T, D> = (input: z.output<S>, context: ActionContext) => Promise<HandlerResult<T, D>>;

/** An action's answer as the browser gets it. */
export type SpokenResult<T, D> = ActionResult<Spoken<T>, Spoken<D>>;

/** An action whose input may be left out (an optional schema) is called with no argument. */
type ActionArgs<S extends z.core.$ZodType> = undefined extends z.input<S> ? [raw?: z.input<S>] : [raw: z.input<S>];

const tryAgain = (reference: string) => said("actions.tryAgain", { reference });

/** Declares a server action called with an object (from a react-hook-form submit, say). */
export function action<S extends z.core.$ZodType, T = undefined, D = undefined>(options: ActionOptions<S, D>, handler: ActionHandler<S, T, D>) {
  return async (...[raw]: ActionArgs<S>): Promise<SpokenResult<T, D>> => run(options, handler, raw);
}

/** Declares a server action for `useActionState`: it reads its input from the form's fields. */
export function formAction<S extends z.core.$ZodType, T = undefined, D = undefined>(options: ActionOptions<S, D>, handler: ActionHandler<S, T, D>) {
  return async (_previous: SpokenResult<T, D> | null, formData: FormData): Promise<SpokenResult<T, D>> => run(options, handler, Object.fromEntries(formData));
}

async function run<S extends z.core.$ZodType, T, D>(options: ActionOptions<S, D>, handler: ActionHandler<S, T, D>, raw: unknown): Promise<SpokenResult<T, D>> {
  const user = await requireUser(...options.roles);
  // Every sentence of the answer in the user's language: message keys (Saids, and the schemas'
  // messages) through the message files. Text that is not a key (AOPay's own words) is passed
  // on as it is.
  const t = await getTranslations();
  const say = (sentence: Said) => sentence.inWords(t as unknown as Say);
  // A message or field error given as a key string (a schema's, a handler's) is said too.
  const spoken = (answer: HandlerResult<T, D>): SpokenResult<T, D> => {
    const words = speak(answer, say) as SpokenResult<T, D>;
    const message = words.message === undefined ? undefined : keyOrText(t, words.message);
    if (words.ok) return message === undefined ? words : { ...words, message };
    const fieldErrors = words.fieldErrors && Object.fromEntries(Object.entries(words.fieldErrors).map(([field, text]) => [field, keyOrText(t, text)]));
    return { ...words, message: message!, ...(fieldErrors ? { fieldErrors } : {}) };
  };
  const schema = typeof options.input === "function" ? options.input() : options.input;
  // zod's own function, not a schema method: the forms' schemas are zod/mini (lib/validations/zod.ts).
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) {
    return spoken(options.refusedInput?.(parsed.error, raw) ?? invalidInput(parsed.error, options.fieldKeys));
  }
  let result: HandlerResult<T, D>;
  try {
    const ip = async () => clientIp(await headers());
    result = await handler(parsed.data, { user, ip, actor: async () => ({ id: user.id, username: user.username, ip: await ip() }) });
  } catch (error) {
    // Next's own control flow (a redirect after an import, say) is not a failure: let it through.
    unstable_rethrow(error);
    if (error instanceof Refusal) return spoken(refusalResult(error, say));
    const reference = logUnexpected(`${options.name} failed`, error, { userId: user.id, ...options.logContext?.(parsed.data) });
    return spoken({ ok: false, message: (options.unexpected ?? tryAgain)(reference), reference });
  }
  if (result.ok && options.revalidates) revalidatePath(typeof options.revalidates === "function" ? options.revalidates(parsed.data) : options.revalidates);
  return spoken(result);
}

/** A refusal as the form shows it: its message, and under its field when it names one, said by `say` where they are keys. */
export function refusalResult(error: Refusal, say: (sentence: Said) => string): { ok: false; message: string; fieldErrors?: Record<string, string> } {
  const message = error.said ? say(error.said) : error.message;
  const fieldMessage = error.fieldSaid ? say(error.fieldSaid) : (error.fieldMessage ?? message);
  return { ok: false, message, fieldErrors: error.field ? { [error.field]: fieldMessage } : undefined };
}

/** A successful answer, with the sentence to show when there is one. */
export function done<T>(data: T, message?: string | Said): { ok: true; data: T; message?: string | Said } {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

/** A refused answer the handler decides on itself. Field errors may be message keys. */
export function refused<D = undefined>(
  message: string | Said,
  fieldErrors?: Record<string, string>,
  details?: D,
): { ok: false; message: string | Said; fieldErrors?: Record<string, string>; details?: D } {
  return { ok: false, message, ...(fieldErrors ? { fieldErrors } : {}), ...(details !== undefined ? { details } : {}) };
}
