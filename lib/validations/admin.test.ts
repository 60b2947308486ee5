/** The admin's form rules, as the browser and the server both apply them. */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { keyOrText, type Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";
import { createUserSchema, outletSchema, resetPasswordSchema, updateUserSchema } from "@/lib/validations/admin";

const outletId = "0196f6c2-6e2b-7cc0-8000-000000000001";
const userId = "0196f6c2-6e2b-7cc0-8000-000000000002";

const english = createTranslator({ locale: "en", messages: messagesOf("en") }) as unknown as Translate;

/** The first message for each field, as the form shows it (in English here). */
function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= keyOrText(english, issue.message);
  return errors;
}

const newUser = { username: "ravi", name: "Ravi Kumar", role: "AGENT", outletId, supervisedOutletIds: [], passwordMode: "generate", password: "", passwordAgain: "" };

describe("new user form", () => {
  it("takes the username in lower case, trimmed", () => {
    expect(createUserSchema.parse({ ...newUser, username: "  Ravi.K_2 " }).username).toBe("ravi.k_2");
  });

  it("refuses usernames that are too short, start with a digit or hold spaces", () => {
    for (const username of ["ab", "2ravi", "ravi kumar", "ravi@shop", "r".repeat(33)]) {
      expect(fieldErrors(createUserSchema.safeParse({ ...newUser, username })), username).toHaveProperty("username");
    }
    expect(fieldErrors(createUserSchema.safeParse({ ...newUser, username: "ab" }))).toEqual({ username: "At least 3 characters." });
    expect(fieldErrors(createUserSchema.safeParse({ ...newUser, username: "r".repeat(33) }))).toEqual({ username: "At most 32 characters." });
    expect(fieldErrors(createUserSchema.safeParse({ ...newUser, username: "ravi kumar" }))).toEqual({ username: "Only letters, digits, . - and _." });
  });

  it("needs an outlet for agents and supervisors, not for admins", () => {
    expect(fieldErrors(createUserSchema.safeParse({ ...newUser, outletId: "" }))).toEqual({ outletId: "Agents and supervisors need an outlet." });
    expect(fieldErrors(createUserSchema.safeParse({ ...newUser, role: "SUPERVISOR", outletId: "" }))).toHaveProperty("outletId");
    expect(createUserSchema.safeParse({ ...newUser, role: "ADMIN", outletId: "" }).success).toBe(true);
  });

  it("asks for a typed password of at least 12 characters, twice, without the username", () => {
    const typed = { ...newUser, passwordMode: "set" };
    expect(fieldErrors(createUserSchema.safeParse({ ...typed, password: "short-pass1", passwordAgain: "short-pass1" }))).toEqual({ password: "At least 12 characters." });
    expect(fieldErrors(createUserSchema.safeParse({ ...typed, password: "twelve chars", passwordAgain: "twelve chars" }))).toEqual({});
    expect(fieldErrors(createUserSchema.safeParse({ ...typed, password: "twelve chars", passwordAgain: "twelve charz" }))).toEqual({ passwordAgain: "The two passwords do not match." });
    expect(fieldErrors(createUserSchema.safeParse({ ...typed, password: "Ravi-at-the-counter", passwordAgain: "Ravi-at-the-counter" }))).toEqual({
      password: "It must not contain the username.",
    });
    // A generated password ignores whatever is left in the password fields.
    expect(createUserSchema.safeParse({ ...newUser, password: "x", passwordAgain: "y" }).success).toBe(true);
  });

  it("shows every problem at once, not one after another", () => {
    const errors = fieldErrors(createUserSchema.safeParse({ ...newUser, username: "x", name: "", outletId: "", passwordMode: "set", password: "short" }));
    expect(Object.keys(errors).sort()).toEqual(["name", "outletId", "password", "passwordAgain", "username"]);
  });
});

describe("edit user and reset password forms", () => {
  it("apply the same outlet rule and password rules", () => {
    const edit = { userId, name: "Asha Rao", role: "SUPERVISOR", outletId: "", supervisedOutletIds: [outletId] };
    expect(fieldErrors(updateUserSchema.safeParse(edit))).toHaveProperty("outletId");
    expect(updateUserSchema.safeParse({ ...edit, outletId }).success).toBe(true);
    expect(fieldErrors(updateUserSchema.safeParse({ ...edit, outletId, role: "OWNER" }))).toHaveProperty("role");
    expect(fieldErrors(resetPasswordSchema.safeParse({ userId, passwordMode: "set", password: "eleven char", passwordAgain: "eleven char" }))).toHaveProperty("password");
    expect(resetPasswordSchema.safeParse({ userId, passwordMode: "generate", password: "", passwordAgain: "" }).success).toBe(true);
  });
});

describe("outlet form", () => {
  const outlet = { name: "Shree Ganesh Telecom", registrationId: "AOP-554", address: "Marol Naka, Andheri East", pincode: "400059", latitude: "19.108600", longitude: "72.879900" };

  it("accepts a shop in India and writes the RegistrationID in capitals", () => {
    expect(outletSchema.parse({ ...outlet, registrationId: "aop-e2e-other" }).registrationId).toBe("AOP-E2E-OTHER");
  });

  it("refuses RegistrationIDs that do not look like AOPay's", () => {
    for (const registrationId of ["554", "AOP554", "AOP-", "-554", "AOP 554", "A-554", "AOP-554-"]) {
      expect(fieldErrors(outletSchema.safeParse({ ...outlet, registrationId })), registrationId).toEqual({ registrationId: "Write it as AOPay does, like AOP-554." });
    }
  });

  it("needs a 6-digit PIN code not starting with 0", () => {
    for (const pincode of ["040059", "40005", "4000590", "40O059"]) {
      expect(fieldErrors(outletSchema.safeParse({ ...outlet, pincode })), pincode).toHaveProperty("pincode");
    }
    expect(outletSchema.safeParse({ ...outlet, pincode: "110001" }).success).toBe(true);
  });

  it("keeps the shop's location inside India", () => {
    expect(outletSchema.safeParse({ ...outlet, latitude: "6", longitude: "68" }).success).toBe(true);
    expect(outletSchema.safeParse({ ...outlet, latitude: "37.6", longitude: "97.5" }).success).toBe(true);
    expect(fieldErrors(outletSchema.safeParse({ ...outlet, latitude: "5.99", longitude: "97.51" }))).toEqual({
      latitude: "Must be in India: 6 to 37.6.",
      longitude: "Must be in India: 68 to 97.5.",
    });
    expect(fieldErrors(outletSchema.safeParse({ ...outlet, latitude: "51.5074", longitude: "-0.1278" }))).toHaveProperty("longitude");
    expect(fieldErrors(outletSchema.safeParse({ ...outlet, latitude: "19.1086001" }))).toHaveProperty("latitude");
    expect(fieldErrors(outletSchema.safeParse({ ...outlet, latitude: "north" }))).toHaveProperty("latitude");
  });
});
