import { useTranslations } from "next-intl";
import Link from "next/link";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { cardClasses } from "@/components/ui/card";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { showDay } from "@/lib/days";
import type { AuditFilters } from "@/lib/audit-log/query";

/** The audit log's filters: a plain GET form, so every filter is applied on the server. */
export function AuditFilterForm({ filters, actions, usernames }: { filters: AuditFilters; actions: { action: string; label: string }[]; usernames: string[] }) {
  const t = useTranslations();
  return (
    <form method="get" action="/admin/audit" aria-label={t("admin.audit.filters.label")} className={cardClasses("normal", "mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5")}>
      <Field id="a-actor" label={t("admin.audit.actor")}>
        <input id="a-actor" name="actor" list="a-actor-users" autoComplete="off" placeholder={t("admin.audit.filters.actorPlaceholder")} defaultValue={filters.actor ?? ""} className={field} />
        <datalist id="a-actor-users">
          {usernames.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </Field>
      <Field id="a-action" label={t("admin.audit.action")}>
        <select id="a-action" name="action" defaultValue={filters.action ?? ""} className={field}>
          <option value="">{t("admin.audit.filters.any")}</option>
          {actions.map((a) => (
            <option key={a.action} value={a.action}>
              {a.label === a.action ? a.action : t("admin.audit.filters.actionOption", { label: a.label, action: a.action })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="a-prefix" label={t("admin.audit.filters.prefix")}>
        <input id="a-prefix" name="prefix" autoComplete="off" placeholder="auth." defaultValue={filters.prefix ?? ""} className={field} />
      </Field>
      <Field id="a-from" label={t("admin.audit.filters.from")}>
        <input id="a-from" name="from" {...dayBoxProps} defaultValue={filters.from ? showDay(filters.from) : ""} className={field} />
      </Field>
      <Field id="a-to" label={t("admin.audit.filters.to")}>
        <input id="a-to" name="to" {...dayBoxProps} defaultValue={filters.to ? showDay(filters.to) : ""} className={field} />
      </Field>
      <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-5">
        <button type="submit" className={toolbarButtonClasses()}>
          {t("admin.audit.filters.apply")}
        </button>
        <Link href="/admin/audit" className={toolbarButtonClasses("secondary")}>
          {t("admin.audit.filters.clear")}
        </Link>
      </div>
    </form>
  );
}
