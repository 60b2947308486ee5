"use client";

import { useActionState } from "react";
import { unlockUser } from "@/app/(portal)/admin/users/actions";
import { SubmitButton } from "@/components/ui/form";

export function UnlockButton({ userId, username }: { userId: string; username: string }) {
  const [state, formAction] = useActionState(unlockUser, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel="Unlocking…">
        <span>
          Unlock<span className="sr-only"> {username}</span>
        </span>
      </SubmitButton>
      <span role="status" className={state?.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
        {state?.message}
      </span>
    </form>
  );
}
