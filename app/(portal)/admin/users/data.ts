import "server-only";
import { listUsers } from "@/lib/admin/users";
import { db } from "@/lib/db/client";

/** Every user, for the admin (the page checks the role). */
export async function usersData() {
  return listUsers(db());
}
