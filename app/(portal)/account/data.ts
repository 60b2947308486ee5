import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { enrolmentPicture, secondFactorNeed, secondFactorStatus, sealEnrolment } from "@/lib/auth/second-factor";
import { newTotpSecret } from "@/lib/auth/totp";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

/**
 * The signed-in user's two-step sign-in (the page checks the session): its status, and for a
 * user without an app a new secret's QR code with the same secret sealed for the form.
 */
export async function accountData(user: CurrentUser) {
  const status = await secondFactorStatus(db(), user.id);
  const need = secondFactorNeed(user.role, config().agentTotp);
  if (status.enrolledAt || need === "off") return { status, need, setup: null };
  const secret = newTotpSecret();
  return { status, need, setup: { picture: await enrolmentPicture(secret, user.username), enrolment: sealEnrolment(user.id, secret) } };
}
