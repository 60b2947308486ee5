"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { cancelUnsentAction, claimRefundAction, confirmPartAction, requestRefundOtpAction, resendOtpAction } from "@/app/(portal)/transfers/actions";
import { OtpCountdown } from "@/components/counter/otp-countdown";
import { useServerCountdown } from "@/components/counter/use-countdown";
import { FieldError } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";
import { StateBadge } from "@/components/ui/state-badge";
import type { PartView, TransferView } from "@/lib/counter/transfer-view";
import { formatIst } from "@/lib/format";
import { partStateLabel } from "@/lib/part-state-labels";

const open = new Set(["SUBMITTED", "PENDING"]);
const awaitingOtp = new Set(["DRAFT", "OTP_SENT", "OTP_EXPIRED"]);
const refundable = new Set(["FAILED", "REFUND_PENDING", "REFUNDED"]);
/** Polled: an open answer, or an unclear refund answer the status worker is settling. */
const isOpen = (p: PartView) => open.has(p.state) || p.refundBeingChecked;

async function fetchTransfer(id: string): Promise<TransferView> {
  const response = await fetch(`/api/transfers/${id}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as TransferView;
}

/** Step 4 and 5: each part's OTP and confirmation, then the result, which updates itself. */
export function TransferProgress({ initial }: { initial: TransferView }) {
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
      return Math.min(30_000, Math.max(2_000, Math.round((Date.now() - openSince.current) / 3)));
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["transfer", initial.id] });

  const current = transfer.parts.find((p) => awaitingOtp.has(p.state));
  const allFinal = transfer.parts.every((p) => !awaitingOtp.has(p.state) && !open.has(p.state));
  const n = transfer.parts.length;

  return (
    <div className="space-y-4">
      <section aria-label="Transfer" className="rounded-xl border border-slate-200 bg-white p-4">
        <h1 className="text-2xl font-bold">Rs {Number(transfer.amount).toLocaleString("en-IN")} to {transfer.beneficiaryName}</h1>
        <p className="text-slate-600">
          {transfer.bankName} · A/c {transfer.accountMasked} · {transfer.mode} · from {transfer.remitterName} ({transfer.remitterMobileMasked})
        </p>
      </section>

      {isError ? (
        <p role="alert" className="rounded-lg bg-amber-100 p-3 text-amber-900">
          The status could not be refreshed (network?). It will be tried again; the transfer itself is safe.
        </p>
      ) : null}
      {current ? <OtpStep key={current.id} part={current} total={n} serverNow={transfer.serverNow} receivedAt={dataUpdatedAt} onChange={refresh} /> : null}

      <section aria-labelledby="parts-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="parts-heading" className="font-semibold">
          {n === 1 ? "Status" : `Parts (${n})`}
        </h2>
        <ul className="mt-2 divide-y divide-slate-100">
          {transfer.parts.map((p) => (
            <PartRow key={p.id} part={p} total={n} onChange={refresh} />
          ))}
        </ul>
        <p aria-live="polite" className="sr-only">
          {transfer.parts.map((p) => `Part ${p.seq}: ${partStateLabel(p.state)}`).join(". ")}
        </p>
      </section>

      <div className="flex flex-wrap gap-2">
        {current ? <CancelUnsent transferId={transfer.id} onDone={refresh} /> : null}
        {allFinal ? (
          <Link href={`/transfers/${transfer.id}/receipt`} className={buttonClasses()}>
            Print receipt
          </Link>
        ) : null}
        <Link href="/transfers/new" className={buttonClasses("secondary")}>
          New transfer
        </Link>
      </div>
    </div>
  );
}

function PartRow({ part, total, onChange }: { part: PartView; total: number; onChange: () => Promise<void> }) {
  return (
    <li className="py-3" data-testid={`part-${part.seq}`} data-state={part.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {total > 1 ? `Part ${part.seq} of ${total}: ` : ""}Rs {Number(part.amount).toLocaleString("en-IN")}
        </span>
        <StateBadge state={part.state} testId="part-state" />
      </div>
      <p className="text-sm text-slate-600">
        Reference {part.reference}
        {part.utr ? ` · UTR ${part.utr}` : ""}
      </p>
      {part.failureReason && (refundable.has(part.state) || part.state === "CANCELLED") ? (
        <p className={`text-sm font-medium ${part.state === "REFUNDED" ? "text-slate-700" : "text-red-700"}`} data-testid="failure-reason">
          {part.failureReason}
        </p>
      ) : null}
      {part.state === "PENDING" ? <p className="text-sm text-amber-800">The bank has not answered yet. This updates by itself; the customer&apos;s money is safe in the ledger.</p> : null}
      {part.state === "SUCCESS" ? <Commission part={part} /> : null}
      {refundable.has(part.state) ? <Refund part={part} onChange={onChange} /> : null}
    </li>
  );
}

function Commission({ part }: { part: PartView }) {
  const rows: [string, string, string | null][] = [
    ["Charge", part.expected.customerCharge, part.reported.customerCharge],
    ["GST", part.expected.gst, part.reported.gst],
    ["TDS", part.expected.tds, part.reported.tds],
    ["Net commission", part.expected.netCommission, part.reported.netCommission],
  ];
  return (
    <table className="mt-2 w-full max-w-md text-sm tabular-nums">
      <caption className="text-left text-slate-600">Commission: what the plan expects and what AOPay reported</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="text-left font-medium"></th>
          <th scope="col" className="text-right font-medium">Expected</th>
          <th scope="col" className="text-right font-medium">AOPay</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, expected, reported]) => (
          <tr key={label}>
            <th scope="row" className="text-left font-normal">{label}</th>
            <td className="text-right">{expected}</td>
            <td className={`text-right ${reported !== null && reported !== expected ? "font-semibold text-amber-800" : ""}`}>{reported ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OtpStep({ part, total, serverNow, receivedAt, onChange }: { part: PartView; total: number; serverNow: string; receivedAt: number; onChange: () => Promise<void> }) {
  const secondsLeft = useServerCountdown(part.state === "OTP_SENT" ? part.otpExpiresAt : null, serverNow, receivedAt);
  const [otp, setOtp] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const expired = part.state !== "OTP_SENT" || secondsLeft === 0;

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (busy || expired) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await confirmPartAction({ partId: part.id, otp });
      if (!result.ok) return setError(result.fieldErrors?.otp ?? result.message);
      if (result.data.state === "OTP_SENT" && result.data.message) {
        setOtp("");
        return setError(result.data.message); // a wrong OTP: the timer keeps running
      }
    } catch {
      setError("The connection dropped. The status below is being checked; do not collect the money again.");
    } finally {
      setBusy(false);
    }
    await onChange();
  }

  async function resend() {
    setBusy(true);
    setError(undefined);
    setOtp("");
    try {
      const result = await resendOtpAction({ partId: part.id });
      if (!result.ok) return setError(result.message);
    } catch {
      return setError("The connection dropped. Try sending the OTP again.");
    } finally {
      setBusy(false);
    }
    await onChange();
  }

  return (
    <section aria-labelledby="otp-heading" className="rounded-xl border-2 border-brand-600 bg-white p-4 sm:p-6">
      <h2 id="otp-heading" className="text-lg font-semibold" data-testid="otp-heading">
        {total > 1 ? `Part ${part.seq} of ${total}: ` : ""}Rs {Number(part.amount).toLocaleString("en-IN")}: enter the customer&apos;s OTP
      </h2>
      {part.state === "DRAFT" ? (
        <div className="mt-3">
          <p>The OTP for this part has not been sent yet.</p>
          <button type="button" onClick={resend} disabled={busy} className={`${buttonClasses()} mt-2`}>
            {busy ? "Sending…" : "Send OTP"}
          </button>
        </div>
      ) : (
        <form onSubmit={confirm} noValidate className="mt-3 space-y-3">
          <OtpCountdown secondsLeft={expired ? 0 : secondsLeft} />
          <div>
            <label htmlFor="otp" className="mb-1 block text-sm font-medium">
              OTP read out by the customer
            </label>
            <input
              id="otp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={otp}
              onChange={(e) => setOtp(e.target.value.replace(/\D/g, ""))}
              aria-invalid={error ? true : undefined}
              aria-describedby="otp-error"
              className="block w-44 rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-xl tracking-widest"
            />
            <FieldError id="otp-error" message={error} role="alert" />
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClasses()} disabled={busy || expired || otp.length < 4}>
              {busy ? "Confirming…" : "Confirm transfer"}
            </button>
            {expired ? (
              <button type="button" onClick={resend} disabled={busy} className={buttonClasses("secondary")}>
                Resend OTP
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

function CancelUnsent({ transferId, onDone }: { transferId: string; onDone: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string>();
  async function cancel() {
    try {
      const result = await cancelUnsentAction({ transferId });
      if (!result.ok) setMessage(result.message);
    } catch {
      setMessage("The connection dropped. Try again.");
    }
    setAsking(false);
    await onDone();
  }
  if (!asking) {
    return (
      <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(true)}>
        Cancel unsent parts
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm cancelling">
      <span>Cancel every part not sent yet? Parts already sent are not affected.</span>
      <button type="button" className={buttonClasses("secondary")} onClick={cancel}>
        Yes, cancel them
      </button>
      <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(false)}>
        Keep
      </button>
      {message ? <span role="alert" className="text-red-700">{message}</span> : null}
    </span>
  );
}

const time = (iso: string) => formatIst(new Date(iso), "dd MMM yyyy, HH:mm:ss");

/**
 * The refund of a failed part: AOPay sends the customer an OTP, the customer reads it out, the
 * agent confirms. Buttons stay focusable while busy (aria-disabled), and focus goes where the
 * agent acts next, so the whole refund works from the keyboard.
 */
function Refund({ part, onChange }: { part: PartView; onChange: () => Promise<void> }) {
  const [otp, setOtp] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<"request" | "claim">();
  const input = useRef<HTMLInputElement>(null);
  const refunded = useRef<HTMLParagraphElement>(null);
  const focusNext = useRef(false);
  const inputId = `refund-otp-${part.seq}`;
  const errorId = `${inputId}-error`;

  // After the agent's own step moved the part on, focus what comes next.
  useEffect(() => {
    if (!focusNext.current) return;
    if (part.state === "REFUND_PENDING") input.current?.focus();
    if (part.state === "REFUNDED") refunded.current?.focus();
    focusNext.current = false;
  }, [part.state, part.refundOtpSentAt]);

  async function requestOtp() {
    if (busy) return;
    setBusy("request");
    setError(undefined);
    setOtp("");
    try {
      const result = await requestRefundOtpAction({ partId: part.id });
      if (!result.ok) return setError(result.message);
      focusNext.current = true;
    } catch {
      return setError("The connection dropped. Ask for the refund OTP again.");
    } finally {
      setBusy(undefined);
    }
    await onChange();
  }

  async function claim(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{4,8}$/.test(otp)) {
      input.current?.focus();
      return setError("Enter the OTP the customer received (digits only).");
    }
    setBusy("claim");
    setError(undefined);
    try {
      const result = await claimRefundAction({ partId: part.id, otp });
      if (!result.ok) {
        input.current?.focus();
        return setError(result.fieldErrors?.otp ?? result.message);
      }
      if (result.data.state === "REFUNDED") {
        focusNext.current = true;
      } else if (result.data.message) {
        setOtp("");
        setError(result.data.message);
        input.current?.focus();
      }
    } catch {
      setError("The connection dropped. Reload the page to see whether the refund went through before trying again.");
    } finally {
      setBusy(undefined);
    }
    await onChange();
  }

  if (part.state === "REFUNDED") {
    return (
      <p ref={refunded} tabIndex={-1} className="mt-2 rounded-lg bg-slate-100 p-3 font-medium text-slate-800" data-testid="refunded">
        Refunded to the customer{part.refundedAt ? ` on ${time(part.refundedAt)}` : ""}.
      </p>
    );
  }

  if (part.state === "FAILED") {
    return (
      <div className="mt-2 rounded-lg border border-slate-200 p-3">
        <p className="text-sm text-slate-700">The money did not reach the beneficiary. AOPay sends the customer an OTP to refund it.</p>
        <button type="button" onClick={requestOtp} aria-disabled={busy ? true : undefined} aria-describedby={errorId} className={`${buttonClasses()} mt-2 aria-disabled:cursor-wait aria-disabled:opacity-60`}>
          {busy ? "Sending the refund OTP…" : "Refund the customer"}
        </button>
        <FieldError id={errorId} message={error} role="alert" />
      </div>
    );
  }

  // REFUND_PENDING: the customer has the refund OTP.
  return (
    <form onSubmit={claim} noValidate aria-label={`Refund of part ${part.seq}`} className="mt-2 space-y-2 rounded-lg border-2 border-amber-300 bg-amber-50/40 p-3">
      <p aria-live="polite" className="text-sm text-slate-700" data-testid="refund-otp-sent">
        {part.refundOtpSentAt ? `AOPay sent the customer a refund OTP on ${time(part.refundOtpSentAt)}.` : "AOPay sent the customer a refund OTP."}
      </p>
      {part.refundBeingChecked ? (
        <p className="text-sm text-amber-800">The portal is asking AOPay whether the last refund went through. This updates by itself.</p>
      ) : null}
      <div>
        <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
          Refund OTP read out by the customer
        </label>
        <input
          ref={input}
          id={inputId}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={otp}
          onChange={(e) => setOtp(e.target.value.replace(/\D/g, ""))}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          className={`block w-44 rounded-lg border bg-white px-3 py-2.5 font-mono text-xl tracking-widest ${error ? "border-red-600" : "border-slate-300"}`}
        />
        <FieldError id={errorId} message={error} role="alert" />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" aria-disabled={busy ? true : undefined} className={`${buttonClasses()} aria-disabled:cursor-wait aria-disabled:opacity-60`}>
          {busy === "claim" ? "Confirming…" : "Confirm refund"}
        </button>
        <button type="button" onClick={requestOtp} aria-disabled={busy ? true : undefined} className={`${buttonClasses("secondary")} aria-disabled:cursor-wait aria-disabled:opacity-60`}>
          {busy === "request" ? "Sending…" : "Send the refund OTP again"}
        </button>
      </div>
    </form>
  );
}
