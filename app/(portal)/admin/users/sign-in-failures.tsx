import { Table } from "@/components/ui/table";
import type { FailureSummary } from "@/lib/auth/sign-in-throttle";
import { formatIst } from "@/lib/format";

/** The last day's failed sign-ins by username and address: who is being guessed at, and from where. */
export function SignInFailures({ failures }: { failures: FailureSummary[] }) {
  return (
    <section aria-labelledby="sign-in-failures" className="mt-8 space-y-3">
      <h2 id="sign-in-failures" className="text-lg font-semibold">
        Failed sign-ins, last 24 hours
      </h2>
      <p className="text-sm text-slate-600">
        Usernames that do not exist are listed too. A username held back waits before its next try; a browser it signed in from before is not held
        back.
      </p>
      <Table
        look="grid"
        testId="sign-in-failures"
        rows={failures}
        rowKey={(f) => `${f.username} ${f.ip ?? ""}`}
        empty={<p className="text-sm text-slate-600">No failed sign-ins.</p>}
        columns={[
          { header: "Username", rowHeader: true, cell: (f) => <span className="font-mono">{f.username}</span> },
          { header: "Address", cell: (f) => <span className="font-mono">{f.ip ?? "unknown"}</span> },
          { header: "Failures", align: "right", cell: (f) => f.failures },
          { header: "Last", cell: (f) => formatIst(f.lastAt, "dd MMM HH:mm") },
          { header: "Held back until", cell: (f) => (f.heldBackUntil ? formatIst(f.heldBackUntil, "HH:mm") : "—") },
        ]}
      />
    </section>
  );
}
