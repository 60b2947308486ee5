import "server-only";
import { outletForEdit } from "@/lib/admin/outlets";
import { db } from "@/lib/db/client";

/** An outlet to edit (admin only: the page checks the role); null when there is none. */
export async function editOutletData(id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return outletForEdit(db(), id);
}
