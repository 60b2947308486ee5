/**
 * Where a sign-in may send the user afterwards: a path on this portal, nothing else. The value
 * comes from the URL (`callbackUrl`), so anyone can craft it. Browsers strip tabs and newlines
 * and read a backslash as a slash, which turns "/\t/evil.example/" into "//evil.example/";
 * so any control character, whitespace or backslash refuses it, and what is left must resolve,
 * as the browser would resolve it, to this same origin. Browser-safe.
 */
const here = "http://portal.invalid";

export function sameOriginPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, here);
  } catch {
    return fallback;
  }
  return url.origin === here ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
