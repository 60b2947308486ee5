/**
 * What every server action answers, and what every form reads: the data (with a sentence to
 * show, when there is one), or a message with the fields to fix. An unexpected failure also
 * carries the reference under which it was logged, so the user can read it out to support.
 * `details` is what a refused form shows besides its message (a statement's bad rows, say).
 * Browser-safe: the client components import this type.
 */
export type ActionResult<T = undefined, D = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; reference?: string; details?: D };
