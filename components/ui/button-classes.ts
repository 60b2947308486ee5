/** Button looks, shared by real buttons and links that act as buttons. */
export function buttonClasses(variant: "primary" | "secondary" = "primary"): string {
  const base =
    "inline-flex min-h-11 items-center justify-center whitespace-nowrap rounded-lg px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";
  return variant === "primary"
    ? `${base} bg-brand-600 text-white hover:bg-brand-700`
    : `${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;
}
