import type { CompactDetails } from "@/lib/audit-log/redact";

/** An event's details as one line of JSON (already redacted), opening to the whole when cut short. */
export function AuditDetails({ details }: { details: CompactDetails | null }) {
  if (!details) return <span className="text-slate-400">—</span>;
  if (!details.truncated) return <code className="break-all font-mono text-xs text-slate-700">{details.short}</code>;
  return (
    <details>
      <summary className="cursor-pointer break-all font-mono text-xs text-slate-700">{details.short}</summary>
      <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs">{details.full}</pre>
    </details>
  );
}
