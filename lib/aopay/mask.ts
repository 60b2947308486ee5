/**
 * Masks personal and secret values in AOPay bodies before they are stored or logged:
 * Aadhaar numbers and account numbers keep their last four digits, OTPs and fingerprint data
 * are replaced whole. Keys are matched without regard to case, at any depth.
 */
const keepLastFour = new Set(["aadhaarnumber", "aadhaar", "accno", "account", "accountnumber", "account_number", "acc_no"]);
const hideWhole = new Set(["otp", "fingerprintdata"]);

export function maskLastFour(value: string): string {
  const text = String(value);
  return text.length <= 4 ? "X".repeat(text.length) : "X".repeat(text.length - 4) + text.slice(-4);
}

export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v)) as T;
  if (value === null || typeof value !== "object") return value;
  const masked: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const k = key.toLowerCase();
    if (hideWhole.has(k) && v !== null && v !== undefined && v !== "") masked[key] = "******";
    else if (keepLastFour.has(k) && (typeof v === "string" || typeof v === "number")) masked[key] = maskLastFour(String(v));
    else masked[key] = maskSecrets(v);
  }
  return masked as T;
}

/** Free text (AOPay's messages, an HTML page): long digit runs could be account or Aadhaar numbers. */
export function maskLongDigits(text: string): string {
  return text.replace(/\d{9,18}/g, (digits) => maskLastFour(digits));
}

/** Masks a raw reply body: JSON is masked by key; anything else is kept only in part. */
export function maskBodyText(text: string): string {
  try {
    return JSON.stringify(maskSecrets(JSON.parse(text)));
  } catch {
    return maskLongDigits(text.slice(0, 2000));
  }
}
