"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HourPoint } from "@/components/review/hourly-chart";
import { rupeesSpoken } from "@/lib/format";

/** The hourly chart's bars (recharts); hourly-chart.tsx loads them after the page. */
export function HourlyBars({ data }: { data: HourPoint[] }) {
  const t = useTranslations();
  const points = data.map((d) => ({ ...d, label: String(d.hour).padStart(2, "0") }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={1} />
        <YAxis tick={{ fontSize: 12 }} width={72} tickFormatter={(v: number) => (v >= 1000 ? `${v / 1000}k` : String(v))} />
        <Tooltip
          formatter={(value) => [rupeesSpoken(Number(value)), t("review.chart.succeeded")]}
          labelFormatter={(label, payload) => t("review.chart.tooltip", { hour: String(label), count: String(payload?.[0]?.payload?.count ?? 0) })}
        />
        <Bar dataKey="succeededAmount" fill="#2563eb" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
