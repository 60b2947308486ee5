/** One figure of a screen's summary row, with what it counts; `alert` when it needs a look. */
export function Stat({ label, value, note, testId, alert = false }: { label: string; value: string; note?: string; testId: string; alert?: boolean }) {
  return (
    <div className={`rounded-xl border bg-white p-4 ${alert ? "border-red-300" : "border-slate-200"}`} data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`mt-1 text-2xl font-bold tabular-nums ${alert ? "text-red-800" : ""}`}>{value}</p>
      {note ? <p className="text-sm text-slate-600">{note}</p> : null}
    </div>
  );
}
