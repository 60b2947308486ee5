/**
 * A synthetic ledger for the benchmark, generated inside PostgreSQL (INSERT ... SELECT over
 * generate_series, one statement per batch of transfers with their parts and events), so a
 * million transfers take minutes rather than hours of round trips.
 *
 * Shape: `outlets` outlets with `agents` agents spread evenly, one supervisor per outlet, one
 * admin; a pool of customers; transfers evenly over the last `days` days up to `now`; 85% of
 * amounts up to Rs 5,000 (one part), 15% from Rs 5,001 to Rs 15,000 (two or three parts);
 * charges from the built-in plan (1%, at least Rs 10, AOPay Rs 4, GST 18% inside, TDS 2%).
 * Status mix: 92% success, 3% failed, 1% refunded, 2% cancelled, 0.5% OTP expired; in the last
 * day 1.5% still pending. 0.3% of successes carry a reported charge that differs from the plan,
 * for the reconciliation to find. Every part has its DRAFT, OTP_SENT and further events.
 * Deterministic for given options (no random()).
 */
import type pg from "pg";
import { rebuildSummariesStatements } from "@/lib/ledger/report-summaries";

export interface LedgerShape {
  transfers: number;
  days: number;
  outlets: number;
  agents: number;
  customers: number;
  now: Date;
}

export const benchPassword = "bench-agent-pass";

/**
 * A deterministic spread of i over 0..999 through PostgreSQL's integer hash, so that it is
 * independent of i's residues (an outlet is i modulo the outlets: a multiplicative spread
 * would give each outlet only a few of the 1,000 values, and some outlets no failures at all).
 */
const spread = (expr: string, salt: number) => `((hashint8((${expr})::bigint * 8 + ${salt}) & 2147483647) % 1000)`;

export async function seedUsers(client: pg.Client, shape: LedgerShape, passwordHash: string): Promise<void> {
  await client.query(
    `INSERT INTO outlets (id, name, registration_id, address, pincode, latitude, longitude, updated_at)
     SELECT md5('outlet' || o)::uuid, 'Bench outlet ' || o, 'BENCH-' || lpad(o::text, 3, '0'), 'Mumbai', '400059',
            19.1 + o * 0.001, 72.88 + o * 0.001, now()
     FROM generate_series(1, $1::int) o`,
    [shape.outlets],
  );
  // Agent a works at outlet ((a - 1) % outlets) + 1, so every outlet has agents/outlets of them.
  await client.query(
    `INSERT INTO users (id, username, name, role, outlet_id, password_hash, updated_at)
     SELECT md5('agent' || a)::uuid, 'bench-agent-' || a, 'Bench agent ' || a, 'AGENT', md5('outlet' || (((a - 1) % $2::int) + 1))::uuid, $3, now()
     FROM generate_series(1, $1::int) a`,
    [shape.agents, shape.outlets, passwordHash],
  );
  await client.query(
    `INSERT INTO users (id, username, name, role, outlet_id, password_hash, updated_at)
     SELECT md5('supervisor' || o)::uuid, 'bench-supervisor-' || o, 'Bench supervisor ' || o, 'SUPERVISOR'::"Role", md5('outlet' || o)::uuid, $2, now()
     FROM generate_series(1, $1::int) o
     UNION ALL SELECT md5('admin')::uuid, 'bench-admin', 'Bench admin', 'ADMIN'::"Role", NULL, $2, now()`,
    [shape.outlets, passwordHash],
  );
  await client.query(
    `INSERT INTO remitters (mobile, first_name, last_name, pincode, address, date_of_birth, updated_at)
     SELECT (8000000000 + c)::text, 'Customer', 'No ' || c, '400059', 'Mumbai', date '1985-01-01' + (c % 9000), now()
     FROM generate_series(1, $1::int) c`,
    [shape.customers],
  );
}

/** One batch: transfers lo..hi with their parts and events, in one statement. */
function batchSql(): string {
  return `
WITH ${[batchRows(), transfersInsert, partFigures, partsInsert].join(",\n")}
${eventsInsert}`;
}

/** Each transfer of the batch ($7..$8): its agent, customer, amount, time and the roll that picks its state. */
function batchRows(): string {
  const r = spread("i", 1);
  return `g AS (
  SELECT i,
         md5('t' || i)::uuid AS transfer_id,
         (((i - 1) % $3::int) + 1) AS agent_no,
         (8000000000 + 1 + ${spread("i", 2)} * ($4::int / 1000) + (i % ($4::int / 1000)))::text AS mobile,
         CASE WHEN ${r} < 850 THEN 100 + (i * 7919) % 4901 ELSE 5001 + (i * 104729) % 10000 END AS amount,
         $6::timestamptz - (($2::bigint - i) * ($5::float8 / $2::bigint)) * interval '1 second' AS created_at,
         ${spread("i", 3)} AS roll
  FROM generate_series($7::bigint, $8::bigint) i
)`;
}

const transfersInsert = `t AS (
  INSERT INTO transfers (id, outlet_id, agent_id, remitter_mobile, remitter_name, beneficiary_id, beneficiary_name, bank_name, ifsc, account_masked,
                         mode, amount, pincode, address, date_of_birth, latitude, longitude, created_at)
  SELECT transfer_id, md5('outlet' || (((agent_no - 1) % $1::int) + 1))::uuid, md5('agent' || agent_no)::uuid, mobile, 'Customer ' || mobile,
         (100000 + i % 50000)::text, 'Beneficiary ' || (i % 50000), 'State Bank of India', 'SBIN000' || lpad((i % 1000)::text, 4, '0'),
         'XXXXXXX' || lpad(((i * 31) % 10000)::text, 4, '0'),
         (CASE WHEN roll % 10 = 0 THEN 'NEFT' ELSE 'IMPS' END)::"TransferMode", amount, '400059', 'Mumbai', date '1985-01-01',
         19.1 + (i % 50) * 0.001, 72.88 + (i % 50) * 0.001, created_at
  FROM g
)`;

/** Each part: its amount, its state by the roll, and the built-in plan's figures. */
const partFigures = `p0 AS (
  SELECT g.*, seq, least(5000, amount - (seq - 1) * 5000)::numeric AS part_amount,
         CASE
           WHEN created_at > $6::timestamptz - interval '1 day' AND roll >= 985 THEN 'PENDING'
           WHEN roll < 920 THEN 'SUCCESS'
           WHEN roll < 950 THEN 'FAILED'
           WHEN roll < 960 THEN 'REFUNDED'
           WHEN roll < 980 THEN 'CANCELLED'
           WHEN roll < 985 THEN 'OTP_EXPIRED'
           ELSE 'SUCCESS'
         END AS state
  FROM g CROSS JOIN LATERAL generate_series(1, ((amount + 4999) / 5000)::int) seq
),
p1 AS (
  SELECT p0.*, round(greatest(10, part_amount * 0.01), 2) AS charge FROM p0
),
p2 AS (
  SELECT p1.*, round(charge * 0.18 / 1.18, 2) AS gst_amount FROM p1
),
p3 AS (
  SELECT p2.*, charge - gst_amount - 4 AS commission_amount FROM p2
),
p AS (
  SELECT p3.*, round(commission_amount * 0.02, 2) AS tds_amount FROM p3
)`;

const partsInsert = `parts AS (
  INSERT INTO transfer_parts (id, transfer_id, seq, reference, amount, state, otp_sent_at, otp_expires_at, submitted_at, settled_at, utr, failure_reason,
                              customer_charge, gst, commission, tds, net_commission,
                              reported_customer_charge, reported_gst, reported_discount, reported_tds, reported_net_commission,
                              next_check_at, check_count, refunded_at, created_at, updated_at)
  SELECT md5('p' || i || '-' || seq)::uuid, transfer_id, seq, (30000000000000 + i * 10 + seq)::text, part_amount, state::"PartState",
         created_at + interval '5 seconds', created_at + interval '95 seconds',
         CASE WHEN state IN ('SUCCESS', 'FAILED', 'REFUNDED', 'PENDING') THEN created_at + interval '40 seconds' END,
         CASE WHEN state IN ('SUCCESS', 'FAILED', 'REFUNDED') THEN created_at + interval '43 seconds' END,
         CASE WHEN state IN ('SUCCESS') THEN (700000000000 + i * 10 + seq)::text END,
         CASE WHEN state IN ('FAILED', 'REFUNDED') THEN 'Transaction failed: the beneficiary bank declined it.' END,
         charge, gst_amount, commission_amount, tds_amount, commission_amount - tds_amount,
         CASE WHEN state = 'SUCCESS' THEN charge + CASE WHEN roll = 919 OR roll = 500 OR roll = 100 THEN 1 ELSE 0 END END,
         CASE WHEN state = 'SUCCESS' THEN gst_amount END,
         CASE WHEN state = 'SUCCESS' THEN 0 END,
         CASE WHEN state = 'SUCCESS' THEN tds_amount END,
         CASE WHEN state = 'SUCCESS' THEN commission_amount - tds_amount END,
         CASE WHEN state = 'PENDING' THEN $6::timestamptz + (i % 300) * interval '1 second' END,
         CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END,
         CASE WHEN state = 'REFUNDED' THEN created_at + interval '10 minutes' END,
         created_at, created_at + interval '43 seconds'
  FROM p
  RETURNING id, state, created_at
)`;

/** Each part's history: DRAFT and OTP_SENT, then the events that lead to its state. */
const eventsInsert = `INSERT INTO transfer_events (part_id, at, from_state, to_state, cause)
SELECT parts.id, parts.created_at + e.after * interval '1 second', e.from_state::"PartState", e.to_state::"PartState", e.cause
FROM parts
CROSS JOIN LATERAL (VALUES
  (0, NULL, 'DRAFT', 'transfer_created'),
  (5, 'DRAFT', 'OTP_SENT', 'otp_sent')
) e(after, from_state, to_state, cause)
UNION ALL
SELECT parts.id, parts.created_at + e.after * interval '1 second', e.from_state::"PartState", e.to_state::"PartState", e.cause
FROM parts
CROSS JOIN LATERAL (
  SELECT * FROM (VALUES
    (40, 'OTP_SENT', 'SUBMITTED', 'confirm_submitted', ARRAY['SUCCESS', 'FAILED', 'REFUNDED', 'PENDING']),
    (43, 'SUBMITTED', 'SUCCESS', 'transaction_answer', ARRAY['SUCCESS']),
    (43, 'SUBMITTED', 'FAILED', 'transaction_answer', ARRAY['FAILED', 'REFUNDED']),
    (44, 'SUBMITTED', 'PENDING', 'transaction_answer', ARRAY['PENDING']),
    (300, 'FAILED', 'REFUND_PENDING', 'refund_otp_sent', ARRAY['REFUNDED']),
    (600, 'REFUND_PENDING', 'REFUNDED', 'refund_claimed', ARRAY['REFUNDED']),
    (120, 'OTP_SENT', 'CANCELLED', 'cancelled_by_agent', ARRAY['CANCELLED']),
    (95, 'OTP_SENT', 'OTP_EXPIRED', 'otp_expired', ARRAY['OTP_EXPIRED'])
  ) v(after, from_state, to_state, cause, for_states)
  WHERE parts.state::text = ANY (v.for_states)
) e`;

export interface SeedProgress {
  (done: number, total: number): void;
}

/** Writes `shape.transfers` transfers in batches of `batchSize`, then a few reviews, then VACUUM (ANALYZE). */
export async function seedTransfers(client: pg.Client, shape: LedgerShape, batchSize = 50_000, progress?: SeedProgress): Promise<void> {
  const sql = batchSql();
  const span = shape.days * 86_400;
  // The report summaries' triggers are off while the parts are written (as seed-book.ts does
  // for the book's; a superuser setting, as the benchmark's server is), and the summaries are
  // then written once from the parts: minutes of per-row deltas saved.
  await client.query("SET session_replication_role = replica");
  try {
    for (let lo = 1; lo <= shape.transfers; lo += batchSize) {
      const hi = Math.min(shape.transfers, lo + batchSize - 1);
      await client.query(sql, [shape.outlets, shape.transfers, shape.agents, shape.customers, span, shape.now, lo, hi]);
      progress?.(hi, shape.transfers);
    }
  } finally {
    await client.query("SET session_replication_role = DEFAULT");
  }
  for (const statement of rebuildSummariesStatements(["part_hour_totals", "part_day_totals"])) await client.query(statement);
  // About one review in twenty of the transfers before the last day.
  await client.query(
    `INSERT INTO transfer_reviews (transfer_id, reviewer_id, note, reviewed_at)
     SELECT t.id, md5('supervisor1')::uuid, 'Checked', t.created_at + interval '1 day'
     FROM transfers t WHERE t.created_at < $1::timestamptz - interval '1 day' AND (hashtext(t.id::text) & 1023) < 51`,
    [shape.now],
  );
  // As a running database would be: vacuumed (visibility map set) and analysed, so the
  // measurements do not meet autovacuum working through the fresh rows.
  await client.query("VACUUM (ANALYZE)");
}
