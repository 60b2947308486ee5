"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { letUserInAction } from "@/app/(portal)/admin/users/actions";
import { SubmitButton } from "@/components/ui/form";

export function LetInButton({ userId, username }: { userId: string; username: string }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(letUserInAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel={t("admin.users.lettingIn")}>
        <span>{t.rich("admin.users.letIn", { name: username, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}</span>
      </SubmitButton>
      <span role="status" className={state?.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
        {state?.message}
      </span>
    </form>
  );
}
