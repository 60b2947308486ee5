/** How long a sign-in lasts: one counter shift, however active the user is. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

export function sessionExpired(signedInAtMs: number, nowMs: number = Date.now()): boolean {
  return nowMs - signedInAtMs >= sessionMaxAgeSeconds * 1000;
}
