"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { rupeesSpoken } from "@/lib/format";

export interface HourPoint {
  hour: number;
  count: number;
  succeededAmount: number;
}


/** Volume by hour of the day (India time): the amount that succeeded, with the count in the tooltip. */
export function HourlyChart({ data }: { data: HourPoint[] }) {
  const points = data.map((d) => ({ ...d, label: String(d.hour).padStart(2, "0") }));
  const busiest = data.reduce((best, d) => (d.succeededAmount > best.succeededAmount ? d : best), data[0]!);
  return (
    <figure>
      <div className="h-56 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={1} />
            <YAxis tick={{ fontSize: 12 }} width={72} tickFormatter={(v: number) => (v >= 1000 ? `${v / 1000}k` : String(v))} />
            <Tooltip
              formatter={(value) => [rupeesSpoken(Number(value)), "Succeeded"]}
              labelFormatter={(label, payload) => `${label}:00 IST · ${payload?.[0]?.payload?.count ?? 0} transaction(s)`}
            />
            <Bar dataKey="succeededAmount" fill="#2563eb" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">
        Amount that succeeded, by hour (IST).{" "}
        {busiest && busiest.succeededAmount > 0 ? `Busiest hour: ${String(busiest.hour).padStart(2, "0")}:00 with ${rupeesSpoken(busiest.succeededAmount)}.` : "No successful transfers in this period."}
      </figcaption>
    </figure>
  );
}
