/**
 * The ledger's read of a part with its transfer as one statement (Prisma reads an `include` as
 * two). The columns are named here once, each as Prisma's field: the part's settable ones from
 * state-change-sql.ts, its identity and stamps, and the transfer's; a test holds the result to
 * Prisma's own read of the same part, field for field, on both databases.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { partColumns } from "@/lib/ledger/state-change-sql";

/** The part's columns a state change never sets, by Prisma's field name. */
const partIdentity = { id: "id", transferId: "transfer_id", state: "state", createdAt: "created_at", updatedAt: "updated_at" } as const;

/** Every column of transfers, by Prisma's field name. */
export const transferColumns = {
  id: "id",
  outletId: "outlet_id",
  agentId: "agent_id",
  remitterMobile: "remitter_mobile",
  remitterName: "remitter_name",
  beneficiaryId: "beneficiary_id",
  beneficiaryName: "beneficiary_name",
  bankName: "bank_name",
  ifsc: "ifsc",
  accountMasked: "account_masked",
  mode: "mode",
  amount: "amount",
  pincode: "pincode",
  address: "address",
  dateOfBirth: "date_of_birth",
  latitude: "latitude",
  longitude: "longitude",
  requestKey: "request_key",
  createdAt: "created_at",
} as const satisfies Record<keyof Prisma.TransferGetPayload<object>, string>;

/** Every column of transfer_parts, by Prisma's field name. */
export const partReadColumns: Record<string, string> = {
  ...partIdentity,
  ...Object.fromEntries(Object.entries(partColumns).map(([field, [column]]) => [field, column])),
};

/** Transfer fields come back prefixed, so that they cannot meet the part's (both have an id and a creation time). */
const transferPrefix = "transfer.";

/** The select list: `p` the part, `t` its transfer; enums as their text, as Prisma gives them. */
export const partWithTransferSelect = Prisma.raw(
  [
    ...Object.entries(partReadColumns).map(([field, column]) => `p."${column}"${column === "state" ? "::text" : ""} AS "${field}"`),
    ...Object.entries(transferColumns).map(([field, column]) => `t."${column}"${column === "mode" ? "::text" : ""} AS "${transferPrefix}${field}"`),
  ].join(", "),
);

/** A row of partWithTransferSelect as Prisma's shape: the part, with its transfer under `transfer`. */
export function nestTransfer<T>(row: Record<string, unknown>): T {
  const part: Record<string, unknown> = {};
  const transfer: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(transferPrefix)) transfer[key.slice(transferPrefix.length)] = value;
    else part[key] = value;
  }
  return { ...part, transfer } as T;
}
