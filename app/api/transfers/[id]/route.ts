/** The agent's transfer, for the result screen's polling; asks AOPay about open parts when due. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { transferView } from "@/lib/counter/transfer-view";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("AGENT");
  const id = z.uuid().safeParse((await params).id);
  const view = id.success ? await transferView(user, id.data, { refreshDue: true }) : null;
  if (!view) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
}
