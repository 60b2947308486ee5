import Link from "next/link";
import type { AuditFilters } from "@/lib/audit-log/query";

const field = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2";

function Filter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The audit log's filters: a plain GET form, so every filter is applied on the server. */
export function AuditFilterForm({ filters, actions, usernames }: { filters: AuditFilters; actions: { action: string; label: string }[]; usernames: string[] }) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filters" className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-5">
      <Filter id="a-actor" label="Actor">
        <input id="a-actor" name="actor" list="a-actor-users" autoComplete="off" placeholder="username" defaultValue={filters.actor ?? ""} className={field} />
        <datalist id="a-actor-users">
          {usernames.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </Filter>
      <Filter id="a-action" label="Action">
        <select id="a-action" name="action" defaultValue={filters.action ?? ""} className={field}>
          <option value="">Any</option>
          {actions.map((a) => (
            <option key={a.action} value={a.action}>
              {a.label === a.action ? a.action : `${a.label} (${a.action})`}
            </option>
          ))}
        </select>
      </Filter>
      <Filter id="a-prefix" label="Action starts with">
        <input id="a-prefix" name="prefix" autoComplete="off" placeholder="auth." defaultValue={filters.prefix ?? ""} className={field} />
      </Filter>
      <Filter id="a-from" label="From (IST)">
        <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
      </Filter>
      <Filter id="a-to" label="To (IST)">
        <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
      </Filter>
      <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-5">
        <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
          Apply filters
        </button>
        <Link href="/admin/audit" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
