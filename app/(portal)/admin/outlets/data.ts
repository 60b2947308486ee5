import "server-only";
import { listOutlets } from "@/lib/admin/outlets";
import { db } from "@/lib/db/client";

/** Every outlet, for the admin (the page checks the role). */
export async function outletsData() {
  return listOutlets(db());
}
