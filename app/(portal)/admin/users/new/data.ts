import "server-only";
import { outletChoices } from "@/lib/admin/outlets";
import { db } from "@/lib/db/client";

/** The outlets a new user can be given (admin only: the page checks the role). */
export async function newUserData() {
  return outletChoices(db());
}
