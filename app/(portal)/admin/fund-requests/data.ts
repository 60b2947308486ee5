import "server-only";
import { db } from "@/lib/db/client";
import { listFundRequests } from "@/lib/wallet/fund-requests";

/** Every outlet's top-up requests, the waiting ones apart (admin only: the page checks the role). */
export async function fundRequestsData() {
  const requests = await listFundRequests(db(), {});
  return { pending: requests.filter((r) => r.status === "PENDING"), decided: requests.filter((r) => r.status !== "PENDING") };
}
