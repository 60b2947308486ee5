"use client";

import { buttonClasses } from "@/components/ui/button-classes";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClasses()}>
      Print
    </button>
  );
}
