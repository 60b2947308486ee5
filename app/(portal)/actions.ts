"use server";

import { recordAudit } from "@/lib/audit";
import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export async function signOutAction(): Promise<void> {
  // Signing out is allowed with any session, or none (it then just clears the cookie).
  const user = await getCurrentUser();
  if (user) {
    await recordAudit(db(), { actorId: user.id, actorLabel: user.username, action: "auth.signed_out" });
  }
  await signOut({ redirectTo: "/sign-in" });
}
