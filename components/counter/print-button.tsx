"use client";

import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button-classes";

export function PrintButton() {
  const t = useTranslations();
  return (
    <button type="button" onClick={() => window.print()} className={buttonClasses()}>
      {t("counter.progress.print")}
    </button>
  );
}
