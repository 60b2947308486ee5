import "server-only";
import { db } from "@/lib/db/client";
import { listAdjustments } from "@/lib/wallet/adjustments";

/** Adjustments (the waiting ones apart) and the outlets one can be made to (admin only: the page checks the role). */
export async function adjustmentsData() {
  const [adjustments, outlets] = await Promise.all([listAdjustments(db()), db().outlet.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })]);
  return { pending: adjustments.filter((a) => a.status === "PENDING"), decided: adjustments.filter((a) => a.status !== "PENDING"), outlets };
}
