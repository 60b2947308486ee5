/**
 * The admin's user and outlet forms, shared by the browser (react-hook-form's zodResolver) and
 * the server actions, which check everything again. Messages are written for the admin.
 * zod/mini (lib/validations/zod.ts).
 */
import * as z from "@/lib/validations/zod";
import { roles } from "@/lib/roles";

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

// Messages stay short enough for one line on a phone, so an error never pushes the form down.
export const usernameSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(3, "At least 3 characters."),
    z.maxLength(32, "At most 32 characters."),
    z.regex(/^[a-z]/, "Start with a letter."),
    z.regex(/^[a-z0-9._-]*$/, "Only letters, digits, . - and _."),
  );

const personName = z.string().check(z.trim(), z.minLength(2, "Enter the person's name."), z.maxLength(80, "That name is too long."));

/** A select's "none" arrives as "", which means no outlet. */
const optionalOutletId = z.union([z.uuid("Choose an outlet from the list."), z.literal("")]);

const rolesWithOutlet = ["AGENT", "SUPERVISOR"] as const;

/** Agents and supervisors work at an outlet; an admin may have none. */
export function needsOutlet(role: string): boolean {
  return (rolesWithOutlet as readonly string[]).includes(role);
}

const userFields = {
  name: personName,
  role: z.enum(roles, "Choose a role."),
  outletId: optionalOutletId,
  /** For supervisors: the outlets they review besides their own. */
  supervisedOutletIds: z.array(z.uuid()).check(z.maxLength(200, "Too many outlets.")),
};

const passwordFields = {
  /** "generate": the portal makes one and shows it once; "set": the admin types it. */
  passwordMode: z.enum(["generate", "set"]),
  password: z.string().check(z.maxLength(maxPasswordLength, "That password is too long.")),
  passwordAgain: z.string(),
};

type PasswordValues = { passwordMode: "generate" | "set"; password: string; passwordAgain: string };

// Object-level rules also run when another field is wrong, so every message shows at once.
const always = { when: () => true } as const;

function withOutletRule<T extends z.ZodMiniType<{ role: string; outletId: string }>>(schema: T) {
  return schema.check(
    z.refine((v) => !needsOutlet(v?.role) || Boolean(v?.outletId), {
      path: ["outletId"],
      message: "Agents and supervisors need an outlet.",
      ...always,
    }),
  );
}

function withPasswordRules<T extends z.ZodMiniType<PasswordValues>>(schema: T) {
  return schema.check(
    z.refine((v) => v?.passwordMode !== "set" || (v.password ?? "").length >= minPasswordLength, {
      path: ["password"],
      message: `At least ${minPasswordLength} characters.`,
      ...always,
    }),
    z.refine((v) => v?.passwordMode !== "set" || v.password === v.passwordAgain, {
      path: ["passwordAgain"],
      message: "The two passwords do not match.",
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
    message: "It must not contain the username.",
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

const decimalDegrees = z.string().check(z.trim(), z.regex(/^-?\d{1,3}(\.\d{1,6})?$/, "Decimal degrees, e.g. 19.108600."));

const inRange = (min: number, max: number) => (v: string) => Number(v) >= min && Number(v) <= max;

export const outletSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(3, "Enter the shop's name."), z.maxLength(100, "That name is too long.")),
  registrationId: z.string().check(z.trim(), z.toUpperCase(), z.regex(registrationIdPattern, "Write it as AOPay does, like AOP-554.")),
  address: z.string().check(z.trim(), z.minLength(5, "Enter the shop's address."), z.maxLength(200, "That address is too long.")),
  pincode: z.string().check(z.trim(), z.regex(/^[1-9][0-9]{5}$/, "6 digits, not starting with 0.")),
  latitude: decimalDegrees.check(
    z.refine(inRange(indiaBounds.latitude.min, indiaBounds.latitude.max), `Must be in India: ${indiaBounds.latitude.min} to ${indiaBounds.latitude.max}.`),
  ),
  longitude: decimalDegrees.check(
    z.refine(inRange(indiaBounds.longitude.min, indiaBounds.longitude.max), `Must be in India: ${indiaBounds.longitude.min} to ${indiaBounds.longitude.max}.`),
  ),
});

export const updateOutletSchema = z.extend(outletSchema, { outletId: z.uuid() });

export const setOutletActiveSchema = z.object({ outletId: z.uuid(), active: z.boolean() });

export type OutletInput = z.input<typeof outletSchema>;
export type OutletValues = z.output<typeof outletSchema>;
export type UpdateOutletInput = z.input<typeof updateOutletSchema>;
