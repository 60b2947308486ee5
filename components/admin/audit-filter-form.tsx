import Link from "next/link";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { cardClasses } from "@/components/ui/card";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { showDay } from "@/lib/days";
import type { AuditFilters } from "@/lib/audit-log/query";

/** The audit log's filters: a plain GET form, so every filter is applied on the server. */
export function AuditFilterForm({ filters, actions, usernames }: { filters: AuditFilters; actions: { action: string; label: string }[]; usernames: string[] }) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filters" className={cardClasses("normal", "mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5")}>
      <Field id="a-actor" label="Actor">
        <input id="a-actor" name="actor" list="a-actor-users" autoComplete="off" placeholder="username" defaultValue={filters.actor ?? ""} className={field} />
        <datalist id="a-actor-users">
          {usernames.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </Field>
      <Field id="a-action" label="Action">
        <select id="a-action" name="action" defaultValue={filters.action ?? ""} className={field}>
          <option value="">Any</option>
          {actions.map((a) => (
            <option key={a.action} value={a.action}>
              {a.label === a.action ? a.action : `${a.label} (${a.action})`}
            </option>
          ))}
        </select>
      </Field>
      <Field id="a-prefix" label="Action starts with">
        <input id="a-prefix" name="prefix" autoComplete="off" placeholder="auth." defaultValue={filters.prefix ?? ""} className={field} />
      </Field>
      <Field id="a-from" label="From (IST)">
        <input id="a-from" name="from" {...dayBoxProps} defaultValue={filters.from ? showDay(filters.from) : ""} className={field} />
      </Field>
      <Field id="a-to" label="To (IST)">
        <input id="a-to" name="to" {...dayBoxProps} defaultValue={filters.to ? showDay(filters.to) : ""} className={field} />
      </Field>
      <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-5">
        <button type="submit" className={toolbarButtonClasses()}>
          Apply filters
        </button>
        <Link href="/admin/audit" className={toolbarButtonClasses("secondary")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
