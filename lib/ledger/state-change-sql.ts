/**
 * A part's state change as one SQL statement: the guarded update of the part and the insert of
 * its event, joined in a CTE so that the event is written exactly when the update matched
 * (transition.ts). The columns the ledger may set, with their SQL types, are listed here once;
 * a test holds the list to the database's own columns and to Prisma's model.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { PartState } from "@/lib/ledger/states";

/** Every column of transfer_parts a state change may set, by Prisma's field name: [column, SQL type]. */
export const partColumns = {
  seq: ["seq", "integer"],
  reference: ["reference", "text"],
  amount: ["amount", "numeric"],
  stateresp: ["stateresp", "text"],
  otpSentAt: ["otp_sent_at", "timestamptz"],
  otpExpiresAt: ["otp_expires_at", "timestamptz"],
  submittedAt: ["submitted_at", "timestamptz"],
  settledAt: ["settled_at", "timestamptz"],
  utr: ["utr", "text"],
  ackno: ["ackno", "text"],
  failureReason: ["failure_reason", "text"],
  failureSaid: ["failure_said", "text"],
  customerCharge: ["customer_charge", "numeric"],
  gst: ["gst", "numeric"],
  commission: ["commission", "numeric"],
  tds: ["tds", "numeric"],
  netCommission: ["net_commission", "numeric"],
  reportedCustomerCharge: ["reported_customer_charge", "numeric"],
  reportedGst: ["reported_gst", "numeric"],
  reportedDiscount: ["reported_discount", "numeric"],
  reportedTds: ["reported_tds", "numeric"],
  reportedNetCommission: ["reported_net_commission", "numeric"],
  planId: ["plan_id", "uuid"],
  nextCheckAt: ["next_check_at", "timestamptz"],
  checkCount: ["check_count", "integer"],
  leaseUntil: ["lease_until", "timestamptz"],
  leasedBy: ["leased_by", "text"],
  needsReviewAt: ["needs_review_at", "timestamptz"],
  refundOtpSentAt: ["refund_otp_sent_at", "timestamptz"],
  refundedAt: ["refunded_at", "timestamptz"],
  refundTxnId: ["refund_txn_id", "text"],
  reportedRefundedAt: ["reported_refunded_at", "timestamptz"],
  reportedRefundTxnId: ["reported_refund_txn_id", "text"],
  conflictingAt: ["conflicting_at", "timestamptz"],
  conflictReason: ["conflict_reason", "text"],
  conflictSettledAt: ["conflict_settled_at", "timestamptz"],
  conflictSettledBy: ["conflict_settled_by", "uuid"],
  conflictNote: ["conflict_note", "text"],
  lastCheckedAt: ["last_checked_at", "timestamptz"],
} as const satisfies Partial<Record<keyof Prisma.TransferPartUpdateManyMutationInput, readonly [string, string]>>;

type PartField = keyof typeof partColumns;
export type PartColumnsInput = Pick<Prisma.TransferPartUpdateManyMutationInput, PartField>;
export type PartCondition = { [F in PartField]?: string | Date | null | { gt: Date } };

const isOperation = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Date) && !Prisma.Decimal.isDecimal(value) && !("toFixed" in value);

/** A value as the statement's parameter: dates as instants, decimals as their exact text. */
function parameter(value: unknown, type: string): Prisma.Sql {
  const text = value === null ? null : value instanceof Date ? value.toISOString() : typeof value === "object" ? String(value) : value;
  return Prisma.sql`${text}::${Prisma.raw(type)}`;
}

function column(field: string): readonly [string, string] {
  const found = (partColumns as Record<string, readonly [string, string]>)[field];
  if (!found) throw new Error(`A state change cannot set or test the part's ${field}.`);
  return found;
}

/** `data` as SET assignments; an undefined field is left as it is, as Prisma leaves it. */
function assignments(data: PartColumnsInput): Prisma.Sql[] {
  return Object.entries(data).flatMap(([field, value]) => {
    if (value === undefined) return [];
    const [name, type] = column(field);
    const target = Prisma.raw(`"${name}"`);
    if (!isOperation(value)) return [Prisma.sql`${target} = ${parameter(value, type)}`];
    if ("increment" in value) return [Prisma.sql`${target} = ${target} + ${parameter(value.increment, type)}`];
    if ("set" in value) return [Prisma.sql`${target} = ${parameter(value.set, type)}`];
    throw new Error(`A state change cannot apply ${Object.keys(value).join(", ")} to the part's ${field}.`);
  });
}

/** `onlyIf` as conditions: equal (or null), or later than an instant. */
function conditions(onlyIf: PartCondition): Prisma.Sql[] {
  return Object.entries(onlyIf).flatMap(([field, value]) => {
    if (value === undefined) return [];
    const [name, type] = column(field);
    const target = Prisma.raw(`"${name}"`);
    if (value === null) return [Prisma.sql`${target} IS NULL`];
    if (isOperation(value) && "gt" in value) return [Prisma.sql`${target} > ${parameter(value.gt, type)}`];
    if (isOperation(value)) throw new Error(`A state change cannot test ${Object.keys(value).join(", ")} on the part's ${field}.`);
    return [Prisma.sql`${target} = ${parameter(value, type)}`];
  });
}

export interface StateChangeRow {
  partId: string;
  from: PartState;
  to: PartState;
  data: PartColumnsInput;
  onlyIf: PartCondition;
  actorId: string | null;
  cause: string;
  exchangeId: bigint | null;
  details: Prisma.InputJsonObject | undefined;
}

/**
 * The statement: moves the part from `from` to `to` if it is still in `from` (and meets
 * `onlyIf`), setting `data` and the row's updated_at as Prisma would, and writes the event;
 * it returns the event's id, or no row when the part had moved on.
 */
export function stateChangeStatement(change: StateChangeRow): Prisma.Sql {
  const set = [Prisma.sql`"state" = ${change.to}::"PartState"`, Prisma.sql`"updated_at" = ${new Date().toISOString()}::timestamptz`, ...assignments(change.data)];
  const where = [Prisma.sql`"id" = ${change.partId}::uuid`, Prisma.sql`"state" = ${change.from}::"PartState"`, ...conditions(change.onlyIf)];
  const details = change.details === undefined ? null : JSON.stringify(change.details);
  return Prisma.sql`
    WITH moved AS (UPDATE transfer_parts SET ${Prisma.join(set, ", ")} WHERE ${Prisma.join(where, " AND ")} RETURNING id)
    INSERT INTO transfer_events (part_id, from_state, to_state, actor_id, cause, exchange_id, details)
    SELECT id, ${change.from}::"PartState", ${change.to}::"PartState", ${change.actorId}::uuid, ${change.cause}, ${change.exchangeId}::bigint, ${details}::jsonb FROM moved
    RETURNING id`;
}
