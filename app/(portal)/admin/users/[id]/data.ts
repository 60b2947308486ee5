import "server-only";
import { outletChoices } from "@/lib/admin/outlets";
import { userForEdit } from "@/lib/admin/users";
import { db } from "@/lib/db/client";

/** A user to edit and the outlets to choose from, theirs included (admin only: the page checks the role); null when there is none. */
export async function editUserData(id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const user = await userForEdit(db(), id);
  if (!user) return null;
  const outlets = await outletChoices(db(), [user.outletId, ...user.supervisedOutletIds].filter((o): o is string => Boolean(o)));
  return { user, outlets };
}
