/** Button looks, shared by real buttons and links that act as buttons. */
export function buttonClasses(variant: "primary" | "secondary" = "primary"): string {
  const base =
    "inline-flex min-h-11 items-center justify-center whitespace-nowrap rounded-lg px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";
  return variant === "primary"
    ? `${base} bg-brand-600 text-white hover:bg-brand-700`
    : `${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;
}

/** The plainer buttons of the filter bars and pagers on the review, audit, reconciliation and TDS screens. */
export function toolbarButtonClasses(variant: "primary" | "secondary" = "primary"): string {
  return variant === "primary"
    ? "inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
    : "inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100";
}
