/**
 * The one expected refusal: a rule said no, in words the user can act on. Thrown by any domain
 * module (ledger, counter, admin, review) and turned into a message by the action pipeline,
 * never logged as a failure. `field` names the form field it is about; `fieldMessage`, when
 * given, is the shorter text shown under that field. Browser-safe.
 */
export class Refusal extends Error {
  override name = "Refusal";

  constructor(
    message: string,
    readonly field?: string,
    readonly fieldMessage?: string,
  ) {
    super(message);
  }
}
