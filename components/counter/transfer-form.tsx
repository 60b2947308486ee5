"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type * as z from "@/lib/validations/zod";
import { startTransferAction } from "@/app/(portal)/transfers/actions";
import { dayBoxProps } from "@/components/ui/day-box";
import { FieldError, TextField, showFieldErrors } from "@/components/ui/form";
import { showDay } from "@/lib/days";
import { buttonClasses } from "@/components/ui/button-classes";
import { CommissionTable } from "@/components/counter/commission";
import { Card } from "@/components/ui/card";
import type { BeneficiaryView, RemitterView } from "@/lib/counter/views";
import type { ChargePlan } from "@/lib/money/charges";
import { withApiCharge } from "@/lib/transfers/cash";
import { previewFees } from "@/lib/transfers/split";
import { transferSchema } from "@/lib/validations/counter";
import { rupees, rupeesSpoken } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n/message-key";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";


/**
 * Step 3: amount, mode and the KYC and shop-location fields, with the fee preview. `plan` is
 * the commission plan in force when the page was served; the ledger works the stored figures
 * out again with the plan in force when the transfer is written.
 */
/** A shop's location in decimal degrees, as the form holds it. */
export interface ShopLocation {
  latitude: string;
  longitude: string;
}

/** How the form says where the location came from. */
const locationSources = {
  outlet: "counter.transfer.locationFromOutlet",
  device: "counter.transfer.locationFromDevice",
  typed: "counter.transfer.locationTyped",
} as const satisfies Record<"outlet" | "device" | "typed", MessageKey>;

/** This session's reading of the device's location: asked once, then used for every transfer. */
const deviceLocationKey = "counter-portal.device-location";

function sessionDeviceLocation(): ShopLocation | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(deviceLocationKey) ?? "null") as ShopLocation | null;
    return saved && typeof saved.latitude === "string" && typeof saved.longitude === "string" ? saved : null;
  } catch {
    return null;
  }
}

export function TransferForm({
  remitter,
  beneficiary,
  minRupees,
  plan,
  shopLocation,
  focusRequest,
}: {
  remitter: RemitterView;
  beneficiary: BeneficiaryView;
  minRupees: number;
  plan: ChargePlan;
  shopLocation: ShopLocation | null;
  /** Above 0, and on each change, focus goes to the amount. */
  focusRequest: number;
}) {
  const t = useTranslations();
  const router = useRouter();
  const maxRupees = Math.min(monthlyLimitRupees, Number(remitter.limitLeft));
  const schema = useMemo(() => transferSchema({ minRupees, maxRupees }), [minRupees, maxRupees]);
  type Values = z.input<typeof schema>;
  // The step only ever renders in the browser (it opens on a pick), so the session is readable here.
  const [sessionReading] = useState(() => (typeof window === "undefined" ? null : sessionDeviceLocation()));
  const initialLocation = sessionReading ?? shopLocation;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      amount: "" as unknown as number,
      mode: "IMPS",
      pincode: remitter.known.pincode ?? "",
      address: remitter.known.address ?? "",
      dateOfBirth: remitter.known.dateOfBirth ? showDay(remitter.known.dateOfBirth) : "",
      latitude: initialLocation?.latitude ?? "",
      longitude: initialLocation?.longitude ?? "",
    },
  });
  // Where the location comes from: the outlet's records, this device, or the agent's typing.
  const [source, setSource] = useState<"outlet" | "device" | "typed">(sessionReading ? "device" : shopLocation ? "outlet" : "typed");
  const [typing, setTyping] = useState(!initialLocation);
  // A beneficiary picked by a press (or for the agent) makes the amount the next thing to type.
  useEffect(() => {
    if (focusRequest > 0) form.setFocus("amount");
  }, [form, focusRequest]);
  const [message, setMessage] = useState<string>();
  const [location, setLocation] = useState<string>("");
  // One key per form: if the reply to a start is lost and the agent presses again, the server
  // finds the transfer it already wrote instead of reserving the money twice.
  const [requestKey] = useState(() => crypto.randomUUID());
  const amount = Number(useWatch({ control: form.control, name: "amount" }));
  const preview = useMemo(() => (Number.isInteger(amount) && amount > 0 && amount <= monthlyLimitRupees ? previewFees(amount, plan) : null), [amount, plan]);

  function takeDeviceLocation(location: ShopLocation) {
    form.setValue("latitude", location.latitude, { shouldValidate: true });
    form.setValue("longitude", location.longitude, { shouldValidate: true });
    setSource("device");
  }

  function locate() {
    if (!("geolocation" in navigator)) {
      setTyping(true);
      return setLocation(t("counter.transfer.locationUnsupported"));
    }
    setLocation(t("counter.transfer.locationAsking"));
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const reading = { latitude: p.coords.latitude.toFixed(6), longitude: p.coords.longitude.toFixed(6) };
        sessionStorage.setItem(deviceLocationKey, JSON.stringify(reading));
        takeDeviceLocation(reading);
        setLocation(t("counter.transfer.locationFilled"));
      },
      (error) => {
        setTyping(true);
        setLocation(
          error.code === error.PERMISSION_DENIED
            ? t("counter.transfer.locationDenied")
            : t("counter.transfer.locationNotFound"),
        );
      },
      { timeout: 10_000 },
    );
  }

  // Once per session, where the browser already allows it, the device confirms the shop's
  // location; later transfers in the session reuse that reading. Nothing is asked unprompted.
  useEffect(() => {
    if (sessionReading) return;
    void navigator.permissions
      ?.query({ name: "geolocation" })
      .then((status) => {
        if (status.state === "granted") locate();
      })
      .catch(() => {});
    // Runs when the step opens; `locate` only sets this form's values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(values: Values) {
    setMessage(undefined);
    const result = await startTransferAction({ ...values, mobile: remitter.mobile, beneficiaryId: beneficiary.id, requestKey });
    if (!result.ok) {
      showFieldErrors(form, result.fieldErrors);
      return setMessage(result.message);
    }
    router.push(`/transfers/${result.data.transferId}`);
  }

  const errors = form.formState.errors;
  const [latitude, longitude] = useWatch({ control: form.control, name: ["latitude", "longitude"] });
  // The boxes are for the rare shop away from its records, and for a location the server refused.
  const showBoxes = typing || Boolean(errors.latitude || errors.longitude);
  return (
    <Card padding="roomy" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading" className="text-lg font-semibold">
        {t("counter.transfer.heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("counter.transfer.intro", { name: beneficiary.name, bank: beneficiary.bankName, account: beneficiary.accountMasked, left: rupeesSpoken(remitter.limitLeft) })}
      </p>
      <form onSubmit={form.handleSubmit(submit)} noValidate className="mt-4 grid gap-x-4 lg:grid-cols-[1fr_20rem]">
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={t("counter.transfer.amount")} inputMode="numeric" autoComplete="off" error={errors.amount?.message} {...form.register("amount")} />
          <div>
            <span className="mb-1 block text-sm font-medium">{t("counter.transfer.mode")}</span>
            <div className="flex gap-2" role="radiogroup" aria-label={t("counter.transfer.mode")}>
              {(["IMPS", "NEFT"] as const).map((mode) => (
                <label key={mode} className="flex min-h-11 flex-1 cursor-pointer items-center justify-center gap-2 rounded-lg border border-slate-300 has-checked:border-brand-600 has-checked:bg-brand-50">
                  <input type="radio" value={mode} className="size-4" {...form.register("mode")} />
                  {mode}
                </label>
              ))}
            </div>
            <p className="min-h-5 text-sm text-slate-500">{t("counter.transfer.impsHint")}</p>
          </div>
          <TextField label={t("counter.transfer.pincode")} inputMode="numeric" maxLength={6} autoComplete="off" error={errors.pincode?.message} {...form.register("pincode")} />
          <TextField label={t("counter.transfer.dateOfBirth")} {...dayBoxProps} error={errors.dateOfBirth?.message} {...form.register("dateOfBirth")} />
          <TextField label={t("counter.transfer.address")} className="sm:col-span-2" autoComplete="off" error={errors.address?.message} {...form.register("address")} />
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">{t("counter.transfer.shopLocation")}</legend>
            <p className="text-sm" data-testid="shop-location">
              {t(locationSources[source])}
              {latitude && longitude ? `: ${latitude}, ${longitude}` : ""}
            </p>
            <div className="mt-1 flex flex-wrap gap-2">
              <button type="button" onClick={locate} className={buttonClasses("secondary")}>
                {t("counter.transfer.useDevice")}
              </button>
              {!showBoxes ? (
                <button type="button" onClick={() => setTyping(true)} className={buttonClasses("secondary")}>
                  {t("counter.transfer.typeInstead")}
                </button>
              ) : null}
            </div>
            <p role="status" className="mt-1 min-h-5 text-sm text-slate-600" data-testid="location-message">
              {location}
            </p>
            {showBoxes ? (
              <div className="grid gap-x-4 sm:grid-cols-2">
                <TextField label={t("counter.transfer.latitude")} inputMode="decimal" autoComplete="off" error={errors.latitude?.message} {...form.register("latitude", { onChange: () => setSource("typed") })} />
                <TextField label={t("counter.transfer.longitude")} inputMode="decimal" autoComplete="off" error={errors.longitude?.message} {...form.register("longitude", { onChange: () => setSource("typed") })} />
              </div>
            ) : null}
          </fieldset>
        </div>
        <FeePreview preview={preview} />
        <div className="lg:col-span-2">
          <FieldError id="transfer-message" message={message} role="alert" />
          <button type="submit" className={`${buttonClasses()} w-full sm:w-auto`} disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("counter.transfer.submitting") : t("counter.transfer.submit")}
          </button>
        </div>
      </form>
    </Card>
  );
}

function FeePreview({ preview }: { preview: ReturnType<typeof previewFees> | null }) {
  const t = useTranslations();
  return (
    <aside aria-label={t("counter.transfer.fees")} className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm lg:mb-0" data-testid="fee-preview">
      <h3 className="font-semibold">{t("counter.transfer.fees")}</h3>
      {preview ? (
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-y-1 tabular-nums">
          <dt className="text-base font-bold">{t("counter.transfer.collect")}</dt>
          <dd className="text-right text-base font-bold" data-testid="customer-pays">
            {rupees(preview.customerPays)}
          </dd>
          <dd className="col-span-2">
            <CommissionTable caption={t("counter.transfer.youEarn")} columns={[{ label: t("counter.cash.total"), figures: withApiCharge(preview.totals) }]} />
          </dd>
          <dt className="col-span-2 mt-2 font-semibold" data-testid="split">
            {t("counter.transfer.split", { count: preview.parts.length })}
          </dt>
          {preview.parts.length > 1
            ? preview.parts.map((p, i) => (
                <dd key={i} className="col-span-2 text-slate-700">
                  {t("counter.transfer.partFees", { seq: i + 1, amount: rupees(p.amount), charge: rupees(p.customerCharge) })}
                </dd>
              ))
            : null}
        </dl>
      ) : (
        <p className="mt-2 text-slate-600">{t("counter.transfer.noAmount")}</p>
      )}
    </aside>
  );
}
