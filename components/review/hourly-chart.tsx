"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { rupeesSpoken } from "@/lib/format";

export interface HourPoint {
  hour: number;
  count: number;
  succeededAmount: number;
}

/**
 * The charting library (recharts) is the largest thing any page would load: it comes after the
 * page, into a box of the chart's own height, so nothing below moves when it draws. Its bars
 * need the box's measured width anyway, so the server could not draw them.
 */
const HourlyBars = dynamic(() => import("@/components/review/hourly-bars").then((m) => m.HourlyBars), { ssr: false });

/** Volume by hour of the day (India time): the amount that succeeded, with the count in the tooltip. */
export function HourlyChart({ data }: { data: HourPoint[] }) {
  const t = useTranslations();
  const busiest = data.reduce((best, d) => (d.succeededAmount > best.succeededAmount ? d : best), data[0]!);
  return (
    <figure>
      <div className="h-56 w-full" aria-hidden>
        <HourlyBars data={data} />
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">
        {t("review.chart.caption")}{" "}
        {busiest && busiest.succeededAmount > 0
          ? t("review.chart.busiest", { hour: String(busiest.hour).padStart(2, "0"), amount: rupeesSpoken(busiest.succeededAmount) })
          : t("review.chart.none")}
      </figcaption>
    </figure>
  );
}
