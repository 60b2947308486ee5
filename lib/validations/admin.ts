/**
 * The admin's user and outlet forms, shared by the browser (react-hook-form's zodResolver) and
 * the server actions, which check everything again. Messages are message keys (lib/i18n/messages),
 * which the forms show in the admin's language (components/ui/field.tsx); a rule's numbers are
 * the message's values, so the words never repeat them. zod/mini (lib/validations/zod.ts).
 */
import * as z from "@/lib/validations/zod";
import type { MessageKey } from "@/lib/i18n/message-key";
import { keyWithValues } from "@/lib/i18n/issue-text";
import { roles } from "@/lib/roles";

export const minPasswordLength = 12;
export const maxPasswordLength = 256;
const usernameLength = { min: 3, max: 32 };

// Messages stay short enough for one line on a phone, so an error never pushes the form down.
export const usernameSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(usernameLength.min, keyWithValues("validation.admin.atLeast", { min: usernameLength.min })),
    z.maxLength(usernameLength.max, keyWithValues("validation.admin.atMost", { max: usernameLength.max })),
    z.regex(/^[a-z]/, "validation.admin.usernameStart" satisfies MessageKey),
    z.regex(/^[a-z0-9._-]*$/, "validation.admin.usernameCharacters" satisfies MessageKey),
  );

const nameTooLong = "validation.admin.nameTooLong" satisfies MessageKey;

const personName = z.string().check(z.trim(), z.minLength(2, "validation.admin.personName" satisfies MessageKey), z.maxLength(80, nameTooLong));

/** A select's "none" arrives as "", which means no outlet. */
const optionalOutletId = z.union([z.uuid("validation.admin.outletFromList" satisfies MessageKey), z.literal("")]);

const rolesWithOutlet = ["AGENT", "SUPERVISOR"] as const;

/** Agents and supervisors work at an outlet; an admin may have none. */
export function needsOutlet(role: string): boolean {
  return (rolesWithOutlet as readonly string[]).includes(role);
}

const userFields = {
  name: personName,
  role: z.enum(roles, "validation.admin.role" satisfies MessageKey),
  outletId: optionalOutletId,
  /** For supervisors: the outlets they review besides their own. */
  supervisedOutletIds: z.array(z.uuid()).check(z.maxLength(200, "validation.admin.tooManyOutlets" satisfies MessageKey)),
};

const passwordFields = {
  /** "generate": the portal makes one and shows it once; "set": the admin types it. */
  passwordMode: z.enum(["generate", "set"]),
  password: z.string().check(z.maxLength(maxPasswordLength, "signIn.passwordTooLong" satisfies MessageKey)),
  passwordAgain: z.string(),
};

type PasswordValues = { passwordMode: "generate" | "set"; password: string; passwordAgain: string };

// Object-level rules also run when another field is wrong, so every message shows at once.
const always = { when: () => true } as const;

function withOutletRule<T extends z.ZodMiniType<{ role: string; outletId: string }>>(schema: T) {
  return schema.check(
    z.refine((v) => !needsOutlet(v?.role) || Boolean(v?.outletId), {
      path: ["outletId"],
      message: "validation.admin.outletNeeded" satisfies MessageKey,
      ...always,
    }),
  );
}

function withPasswordRules<T extends z.ZodMiniType<PasswordValues>>(schema: T) {
  return schema.check(
    z.refine((v) => v?.passwordMode !== "set" || (v.password ?? "").length >= minPasswordLength, {
      path: ["password"],
      message: keyWithValues("validation.admin.atLeast", { min: minPasswordLength }),
      ...always,
    }),
    z.refine((v) => v?.passwordMode !== "set" || v.password === v.passwordAgain, {
      path: ["passwordAgain"],
      message: "validation.admin.passwordsDiffer" satisfies MessageKey,
      ...always,
    }),
  );
}

/** A password that holds the username is the first thing anyone would try. */
function holdsUsername(v: { username?: unknown; password?: unknown }): boolean {
  const username = String(v.username ?? "").trim().toLowerCase();
  return username.length >= 3 && String(v.password ?? "").toLowerCase().includes(username);
}

export const createUserSchema = withPasswordRules(withOutletRule(z.object({ username: usernameSchema, ...userFields, ...passwordFields }))).check(
  z.refine((v) => v?.passwordMode !== "set" || !holdsUsername(v), {
    path: ["password"],
    message: "validation.admin.passwordHoldsUsername" satisfies MessageKey,
    ...always,
  }),
);

export const updateUserSchema = withOutletRule(z.object({ userId: z.uuid(), ...userFields }));

export const resetPasswordSchema = withPasswordRules(z.object({ userId: z.uuid(), ...passwordFields }));

export const setUserActiveSchema = z.object({ userId: z.uuid(), active: z.boolean() });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateUserValues = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateUserValues = z.output<typeof updateUserSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ResetPasswordValues = z.output<typeof resetPasswordSchema>;

// ---- Outlets ----

/** AOPay's RegistrationID for a shop: capital letters, a hyphen, then letters or digits (AOP-554). */
export const registrationIdPattern = /^[A-Z]{2,10}(-[A-Z0-9]{1,12}){1,3}$/;

export const indiaBounds = { latitude: { min: 6, max: 37.6 }, longitude: { min: 68, max: 97.5 } } as const;

const decimalDegrees = z.string().check(z.trim(), z.regex(/^-?\d{1,3}(\.\d{1,6})?$/, "validation.admin.decimalDegrees" satisfies MessageKey));

/** Inside India's bounds for this coordinate; the message names them. */
const inIndia = ({ min, max }: { min: number; max: number }) =>
  z.refine<string>((v) => Number(v) >= min && Number(v) <= max, keyWithValues("validation.admin.inIndia", { min, max }));

export const outletSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(3, "validation.admin.shopName" satisfies MessageKey), z.maxLength(100, nameTooLong)),
  registrationId: z.string().check(z.trim(), z.toUpperCase(), z.regex(registrationIdPattern, "validation.admin.registrationId" satisfies MessageKey)),
  address: z.string().check(z.trim(), z.minLength(5, "validation.admin.shopAddress" satisfies MessageKey), z.maxLength(200, "validation.counter.addressTooLong" satisfies MessageKey)),
  pincode: z.string().check(z.trim(), z.regex(/^[1-9][0-9]{5}$/, "validation.admin.pincode" satisfies MessageKey)),
  latitude: decimalDegrees.check(inIndia(indiaBounds.latitude)),
  longitude: decimalDegrees.check(inIndia(indiaBounds.longitude)),
});

export const updateOutletSchema = z.extend(outletSchema, { outletId: z.uuid() });

export const setOutletActiveSchema = z.object({ outletId: z.uuid(), active: z.boolean() });

export type OutletInput = z.input<typeof outletSchema>;
export type OutletValues = z.output<typeof outletSchema>;
export type UpdateOutletInput = z.input<typeof updateOutletSchema>;
