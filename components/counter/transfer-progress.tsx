"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CancelUnsent } from "@/components/counter/cancel-unsent";
import { walletQueryKey } from "@/components/header-wallet";
import { OtpStep } from "@/components/counter/otp-step";
import { PartRow } from "@/components/counter/part-row";
import { TransferCash } from "@/components/counter/transfer-cash";
import { useServerCountdown } from "@/components/counter/use-countdown";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import type { PartView, TransferView } from "@/lib/counter/transfer-view";
import { rupeesSpoken } from "@/lib/format";
import { partStateLabel } from "@/lib/part-state-labels";

const open = new Set(["SUBMITTED", "PENDING"]);
const awaitingOtp = new Set(["DRAFT", "OTP_SENT", "OTP_EXPIRED"]);
/** Polled: an open answer, or an unclear refund answer the status worker is settling. */
const isOpen = (p: PartView) => open.has(p.state) || p.refundBeingChecked;

async function fetchTransfer(id: string): Promise<TransferView> {
  const response = await fetch(`/api/transfers/${id}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as TransferView;
}

/** Step 4 and 5: each part's OTP and confirmation, then the result, which updates itself. */
export function TransferProgress({ initial }: { initial: TransferView }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const openSince = useRef<number | null>(null);
  const { data: transfer, dataUpdatedAt, isError } = useQuery({
    queryKey: ["transfer", initial.id],
    queryFn: () => fetchTransfer(initial.id),
    initialData: initial,
    // Poll only while a part's answer is open, backing off with the time it has been open:
    // every 2 s at first, a third of the waiting time later, at most every 30 s.
    refetchInterval: (query) => {
      if (!query.state.data?.parts.some(isOpen)) {
        openSince.current = null;
        return false;
      }
      openSince.current ??= Date.now();
      // In whole 2-second steps: the interval is worked out again on every render (the OTP timer
      // renders 4 times a second), and a value that changed each time would restart the timer.
      return Math.min(30_000, Math.max(2_000, Math.floor((Date.now() - openSince.current) / 3 / 2_000) * 2_000));
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["transfer", initial.id] });
  // A part that moved state may have moved the wallet's money: the header asks again.
  const states = transfer.parts.map((p) => p.state).join(",");
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: walletQueryKey });
  }, [states, queryClient]);

  const current = transfer.parts.find((p) => awaitingOtp.has(p.state));
  // The live OTP's countdown, on the server's clock: the OTP box and the part's badge both follow it.
  const secondsLeft = useServerCountdown(current?.state === "OTP_SENT" ? current.otpExpiresAt : null, transfer.serverNow, dataUpdatedAt);
  const shownState = (p: PartView) => (p.id === current?.id && p.state === "OTP_SENT" && secondsLeft === 0 ? "OTP_EXPIRED" : p.state);
  const allFinal = transfer.parts.every((p) => !awaitingOtp.has(p.state) && !open.has(p.state));
  const n = transfer.parts.length;
  // When the last part settles while the agent watches, the receipt is the next press.
  const receiptLink = useRef<HTMLAnchorElement>(null);
  const wasFinal = useRef(allFinal);
  useEffect(() => {
    if (allFinal && !wasFinal.current) receiptLink.current?.focus();
    wasFinal.current = allFinal;
  }, [allFinal]);

  return (
    <div className="space-y-4">
      <Card aria-label={t("counter.progress.transfer")}>
        <h1 className="text-2xl font-bold">{t("counter.progress.title", { amount: rupeesSpoken(transfer.amount), name: transfer.beneficiaryName })}</h1>
        <p className="text-slate-600">
          {t("counter.progress.details", {
            bank: transfer.bankName ?? "",
            account: transfer.accountMasked ?? "",
            mode: transfer.mode,
            remitter: transfer.remitterName,
            mobile: transfer.remitterMobileMasked,
          })}
        </p>
      </Card>

      {isError ? (
        <p role="alert" className="rounded-lg bg-amber-100 p-3 text-amber-900">
          {t("counter.progress.refreshFailed")}
        </p>
      ) : null}
      {current ? <OtpStep key={current.id} part={current} total={n} secondsLeft={secondsLeft} onChange={refresh} /> : null}

      <Card aria-labelledby="parts-heading">
        <h2 id="parts-heading" className="font-semibold">
          {n === 1 ? t("counter.progress.status") : t("counter.progress.parts", { count: n })}
        </h2>
        <ul className="mt-2 divide-y divide-slate-100">
          {transfer.parts.map((p) => (
            <PartRow key={p.id} part={p} shownState={shownState(p)} total={n} onChange={refresh} />
          ))}
        </ul>
        <TransferCash transfer={transfer} settled={allFinal} />
        <p aria-live="polite" className="sr-only">
          {transfer.parts.map((p) => t("counter.progress.partState", { seq: p.seq, state: partStateLabel(t, shownState(p)) })).join(t("counter.progress.partStatesSeparator"))}
        </p>
      </Card>

      <div className="flex flex-wrap gap-2">
        {current ? <CancelUnsent transferId={transfer.id} single={n === 1} onDone={refresh} /> : null}
        {allFinal ? (
          <Link ref={receiptLink} href={`/transfers/${transfer.id}/receipt`} className={buttonClasses()}>
            {t("counter.progress.printReceipt")}
          </Link>
        ) : null}
        <Link href="/transfers/new" className={buttonClasses("secondary")}>
          {t("counter.progress.newTransfer")}
        </Link>
      </div>
    </div>
  );
}
