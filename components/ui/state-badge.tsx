import { useTranslations } from "next-intl";
import type { PartState } from "@/lib/ledger/states";
import { isPartState, partStateLabel } from "@/lib/part-state-labels";

/** A part state's colour: green arrived, red failed, amber waiting on someone, grey nothing moving. */
const tones: Record<PartState, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  OTP_SENT: "bg-brand-50 text-brand-900",
  OTP_EXPIRED: "bg-amber-100 text-amber-900",
  SUBMITTED: "bg-amber-100 text-amber-900",
  PENDING: "bg-amber-100 text-amber-900",
  SUCCESS: "bg-green-100 text-green-900",
  FAILED: "bg-red-100 text-red-900",
  REFUND_PENDING: "bg-amber-100 text-amber-900",
  REFUNDED: "bg-slate-100 text-slate-700",
  CANCELLED: "bg-slate-100 text-slate-700",
};

/**
 * A part state's one label (lib/part-state-labels.ts) in the reader's language, as plain text:
 * for a screen that names a state inside its own words. An unknown state shows as it is.
 */
export function PartStateName({ state }: { state: string }) {
  const t = useTranslations();
  return partStateLabel(t, state);
}

/** A part state as a coloured pill with its one label. */
export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  const tone = isPartState(state) ? tones[state] : "bg-slate-100";
  return (
    <span className={`rounded-full px-3 py-1 text-sm font-semibold ${tone}`} data-testid={testId}>
      <PartStateName state={state} />
    </span>
  );
}
