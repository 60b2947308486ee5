"use client";

import { useActionState } from "react";
import { letUserInAction } from "@/app/(portal)/admin/users/actions";
import { SubmitButton } from "@/components/ui/form";

export function LetInButton({ userId, username }: { userId: string; username: string }) {
  const [state, formAction] = useActionState(letUserInAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel="Letting in…">
        <span>
          Let in now<span className="sr-only"> {username}</span>
        </span>
      </SubmitButton>
      <span role="status" className={state?.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
        {state?.message}
      </span>
    </form>
  );
}
