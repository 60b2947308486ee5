"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { RemitterStep } from "@/components/counter/remitter-step";
import type { ShopLocation } from "@/components/counter/transfer-form";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { whenIdle } from "@/components/when-idle";
import { maskMobile, rupeesSpoken } from "@/lib/format";
import type { BeneficiaryView, RemitterView } from "@/lib/counter/views";
import type { ChargePlan } from "@/lib/money/charges";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";

/**
 * The later steps load after the first: their forms carry the form and schema libraries
 * (react-hook-form, zod/mini), react-query and the fee preview, which the mobile box does not
 * need, so the page the agent starts typing on is lighter. They are fetched once the page is
 * idle, so a found customer does not wait. (The OTP step and the receipt are other pages.)
 */
const loadBeneficiaryStep = () => import("@/components/counter/beneficiary-step");
const loadTransferForm = () => import("@/components/counter/transfer-form");
// In the step's own card, so that nothing below jumps when the step arrives.
function StepLoading() {
  const t = useTranslations();
  return (
    <Card aria-busy="true">
      <p className="text-slate-600">{t("counter.flow.loading")}</p>
    </Card>
  );
}
const BeneficiaryStep = dynamic(() => loadBeneficiaryStep().then((m) => m.BeneficiaryStep), { loading: StepLoading });
const TransferForm = dynamic(() => loadTransferForm().then((m) => m.TransferForm), { loading: StepLoading });

/** The agent's counter: customer, beneficiary, then amount and details. */
export function CounterFlow({ minRupees, rdServicePorts, plan, shopLocation }: { minRupees: number; rdServicePorts: number[]; plan: ChargePlan; shopLocation: ShopLocation | null }) {
  const t = useTranslations();
  const [remitter, setRemitter] = useState<RemitterView | null>(null);
  // `focusRequest` counts the picks that move the agent on to the amount (a press, or a pick made
  // for them); 0 for a pick by the arrow keys, which must leave focus in the list.
  const [{ beneficiary, focusRequest }, setPick] = useState<{ beneficiary: BeneficiaryView | null; focusRequest: number }>({ beneficiary: null, focusRequest: 0 });
  const pick = useCallback((b: BeneficiaryView | null, moveOn: boolean) => setPick((p) => ({ beneficiary: b, focusRequest: moveOn ? p.focusRequest + 1 : 0 })), []);
  useEffect(
    () =>
      whenIdle(() => {
        void loadBeneficiaryStep();
        void loadTransferForm();
      }),
    [],
  );

  if (!remitter) return <RemitterStep onFound={setRemitter} rdServicePorts={rdServicePorts} />;

  const used = Number(remitter.limitUsed);
  return (
    <div className="space-y-4">
      <Card aria-label={t("counter.flow.customer")} className="flex flex-wrap items-center gap-x-6 gap-y-2" data-testid="remitter-card">
        <div>
          <p className="text-lg font-semibold">{remitter.name}</p>
          <p className="text-slate-600">{t("counter.flow.mobile", { mobile: maskMobile(remitter.mobile) })}</p>
        </div>
        <div className="min-w-48 flex-1">
          <p className="text-sm">
            {t.rich("counter.flow.month", {
              used: rupeesSpoken(used),
              left: rupeesSpoken(remitter.limitLeft),
              limit: rupeesSpoken(monthlyLimitRupees),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <div className="mt-1 h-2 rounded bg-slate-200" aria-hidden>
            <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.min(100, (used / monthlyLimitRupees) * 100)}%` }} />
          </div>
        </div>
        <button
          type="button"
          className={buttonClasses("secondary")}
          onClick={() => {
            setRemitter(null);
            pick(null, false);
          }}
        >
          {t("counter.flow.anotherCustomer")}
        </button>
      </Card>
      <BeneficiaryStep mobile={remitter.mobile} selected={beneficiary} onSelect={pick} />
      {beneficiary ? (
        <TransferForm key={beneficiary.id} remitter={remitter} beneficiary={beneficiary} minRupees={minRupees} plan={plan} shopLocation={shopLocation} focusRequest={focusRequest} />
      ) : null}
    </div>
  );
}
