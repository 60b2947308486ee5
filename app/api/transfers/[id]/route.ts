/** The agent's transfer, for the result screen's polling; asks AOPay about open parts when due. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { transferView } from "@/lib/counter/transfer-view";
import { route } from "@/lib/server/route";

export const GET = route({ roles: ["AGENT"], params: z.object({ id: z.string() }) }, async ({ user, params }) => {
  const id = z.uuid().safeParse(params.id);
  const view = id.success ? await transferView(user, id.data, { refreshDue: true }) : null;
  if (!view) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
});
