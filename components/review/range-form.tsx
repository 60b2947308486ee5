/** The period a review page shows: India's calendar days, today by default. A plain GET form. */
export function RangeForm({ from, to, action, extra = {} }: { from: string; to: string; action: string; extra?: Record<string, string | undefined> }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Period">
      <div>
        <label htmlFor="from" className="mb-1 block text-sm font-medium">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={from} className="rounded-lg border border-slate-300 bg-white px-3 py-2" />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block text-sm font-medium">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={to} className="rounded-lg border border-slate-300 bg-white px-3 py-2" />
      </div>
      {Object.entries(extra).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <button type="submit" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100">
        Show
      </button>
    </form>
  );
}
