/** The agent's outlet's wallet balance, for the header's figure, which follows each transfer. */
import { NextResponse } from "next/server";
import { headerWalletBalance } from "@/app/(portal)/wallet/data";
import { route } from "@/lib/server/route";

export const GET = route({ roles: ["AGENT"] }, async ({ user }) => NextResponse.json({ balance: await headerWalletBalance(user) }, { headers: { "cache-control": "no-store" } }));
