/**
 * The one expected refusal: a rule said no, in words the user can act on. Thrown by any domain
 * module (ledger, counter, admin, review) and turned into a message by the action pipeline,
 * never logged as a failure. `field` names the form field it is about; `fieldMessage`, when
 * given, is the shorter text shown under that field. Either text may be a Said (a message key,
 * lib/i18n/said.ts): the pipeline says it in the reader's language, and `message` holds its
 * English. Browser-safe.
 */
import type { Said } from "@/lib/i18n/said";

export class Refusal extends Error {
  override name = "Refusal";
  /** The message as a key, when it was given as one. */
  readonly said?: Said;
  readonly fieldMessage?: string;
  readonly fieldSaid?: Said;

  constructor(
    message: string | Said,
    readonly field?: string,
    fieldMessage?: string | Said,
  ) {
    super(typeof message === "string" ? message : message.english);
    if (typeof message !== "string") this.said = message;
    if (fieldMessage !== undefined) {
      this.fieldMessage = typeof fieldMessage === "string" ? fieldMessage : fieldMessage.english;
      if (typeof fieldMessage !== "string") this.fieldSaid = fieldMessage;
    }
  }
}
