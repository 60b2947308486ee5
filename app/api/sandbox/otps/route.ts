/**
 * The sandbox's current OTPs, so a demo user (and the end-to-end tests) can go on without a
 * real phone. Only while the sandbox stands in for AOPay; an agent or supervisor sees their
 * outlet's, an admin all.
 */
import { NextResponse } from "next/server";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { route } from "@/lib/server/route";

export const GET = route({ roles: [] }, async ({ user }) => {
  if (!config().aopay.sandbox) return NextResponse.json({ error: "Not found" }, { status: 404 });
  const outlet = user.outletId ? await db().outlet.findUnique({ where: { id: user.outletId }, select: { registrationId: true } }) : null;
  if (user.role !== "ADMIN" && !outlet) return NextResponse.json({ otps: [] });
  const otps = await currentSandboxOtps(db(), user.role === "ADMIN" ? null : outlet!.registrationId);
  return NextResponse.json({ otps }, { headers: { "cache-control": "no-store" } });
});
