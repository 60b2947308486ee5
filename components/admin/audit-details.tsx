import { useTranslations } from "next-intl";
import type { CompactDetails } from "@/lib/audit-log/redact";
import type { DetailLine } from "@/lib/audit-log/words";

/** An event's details in words, one fact a line, with the record as written (redacted JSON) a click away. */
export function AuditDetails({ lines, recorded }: { lines: DetailLine[]; recorded: CompactDetails | null }) {
  const t = useTranslations();
  if (lines.length === 0 || !recorded) return <span className="text-slate-400">—</span>;
  return (
    <div className="text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-2">
        {lines.map((line, i) => (
          <div key={`${line.label}-${i}`} className="contents">
            <dt className="text-slate-600">{line.label}</dt>
            <dd className="break-words text-slate-900">{line.value}</dd>
          </div>
        ))}
      </dl>
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-slate-500">{t("admin.audit.asRecorded")}</summary>
        <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs">{recorded.full}</pre>
      </details>
    </div>
  );
}
