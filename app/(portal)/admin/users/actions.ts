"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { log, newRequestId } from "@/lib/log";

export type UnlockState = { ok?: boolean; message?: string };

const unlockSchema = z.object({ userId: z.uuid() });

/** Clears a lockout before its 15 minutes are up. */
export async function unlockUser(_previous: UnlockState, formData: FormData): Promise<UnlockState> {
  const admin = await requireUser("ADMIN");
  const parsed = unlockSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return { ok: false, message: "That user could not be found." };
  try {
    const user = await db().user.update({
      where: { id: parsed.data.userId },
      data: { lockedUntil: null, failedLoginCount: 0 },
      select: { id: true, username: true },
    });
    await recordAudit(db(), {
      actorId: admin.id,
      actorLabel: admin.username,
      action: "user.unlocked",
      targetType: "user",
      targetId: user.id,
      details: { username: user.username },
    });
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.username} is unlocked.` };
  } catch (error) {
    const requestId = newRequestId();
    log.error({ requestId, err: error, userId: parsed.data.userId }, "unlock failed");
    return { ok: false, message: `Could not unlock the user (ref ${requestId}).` };
  }
}
