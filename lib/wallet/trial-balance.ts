/**
 * The book's daily trial balance, and its tie-out against the transfer ledger.
 *
 * - Accounts: each account's opening total (entries before the day, in India's time), what
 *   came in and went out during the day, and its closing total. Each column of the book sums
 *   to zero, the closing one above all: a non-zero book is broken.
 * - The day's tie-out: every state change of a part during the day that moves money (sent to
 *   AOPay: held; succeeded: settled; not sent, cancelled or refunded: released) must have
 *   exactly one entry of its kind, made by that change (the entry names the change's event),
 *   and every part entry of the day must belong to such a change. Each difference is listed.
 * - Right now: every part in a held state (sent, pending, failed, refund pending) must have its
 *   amount and charge held, exactly once, and every part the day changed that is not held now
 *   nothing; any that does not is listed.
 */
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { AccountKind } from "@/lib/generated/prisma/enums";
import { dayRange } from "@/lib/days";
import { compactSummaries, summarySql } from "@/lib/ledger/report-summaries";
import { heldStates, moveCauseSql } from "@/lib/wallet/part-money";

export interface AccountTotal {
  kind: AccountKind;
  outletName: string | null;
  opening: string;
  /** Money into the account during the day (its positive postings). */
  in: string;
  /** Money out of it during the day, as a positive figure. */
  out: string;
  closing: string;
}

export type PartEntryCause = "part_held" | "part_settled" | "part_released";

export interface TieOutLine {
  cause: PartEntryCause;
  /** State changes of the day that move money this way. */
  changes: number;
  /** Entries of the day of this kind. */
  entries: number;
  /** What those entries moved in or out of money held for transfers. */
  amount: string;
}

export interface TieOutDifference {
  reference: string;
  at: Date;
  /** What does not tie, in English (the CSV): "no entry", "2 entries", "entry (part_held) without its change". */
  problem: string;
  change: string | null;
  /** The same for a screen to say: the change's number of entries, or null for an entry without its change. */
  entries: number | null;
  /** The kind of money change (part_held, ...), or of the entry without its change. */
  cause: string;
}

export interface HeldDifference {
  reference: string;
  state: string;
  expected: string;
  held: string;
}

export interface TrialBalance {
  day: string;
  accounts: AccountTotal[];
  /** Each column summed over every account: zero unless the book is broken. */
  book: { opening: string; in: string; out: string; closing: string };
  /** The wallets together at the day's end: what the business owes the outlets. */
  walletsTotal: string;
  tieOut: TieOutLine[];
  tieOutDifferences: TieOutDifference[];
  /** Parts whose hold does not match their state now. */
  differences: HeldDifference[];
}

export const tieOutCauses: readonly PartEntryCause[] = ["part_held", "part_settled", "part_released"];

const money = (value: Decimal.Value) => new Decimal(value).toFixed(2);

/** The book's one account of money held for transfers (made by its migration). */
const heldAccountSql = Prisma.sql`(SELECT id FROM accounts WHERE kind = 'HELD_FOR_TRANSFERS')`;

/** The trial balance of one day (yyyy-MM-dd, India's time); at most `limit` differences of each kind. */
export async function trialBalance(prisma: Pick<PrismaClient, "$queryRaw" | "$executeRawUnsafe">, day: string, limit = 100): Promise<TrialBalance> {
  const { start, end } = dayRange(day, day);
  const [accounts, tieOut, tieOutDifferences, differences] = await Promise.all([
    // Each account's totals by day (lib/ledger/report-summaries.ts), not every posting.
    compactSummaries(prisma, "account_day_totals").then(
      () => prisma.$queryRaw<{ kind: AccountKind; outlet_name: string | null; opening: string; in: string; out: string }[]>`
        SELECT a.kind, o.name AS outlet_name,
               coalesce(sum(d.amount_in - d.amount_out) FILTER (WHERE d.day < ${day}::date), 0)::text AS opening,
               coalesce(sum(d.amount_in) FILTER (WHERE d.day = ${day}::date), 0)::text AS in,
               coalesce(sum(d.amount_out) FILTER (WHERE d.day = ${day}::date), 0)::text AS out
        FROM accounts a LEFT JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN ${summarySql("account_day_totals")} d ON d.account_id = a.id AND d.day <= ${day}::date
        GROUP BY a.id, a.kind, o.name ORDER BY a.kind, o.name`,
    ),
    prisma.$queryRaw<{ cause: PartEntryCause; changes: number; entries: number; amount: string }[]>`
      WITH changes AS (${moneyChanges(start, end)}),
      entries AS (
        -- Each entry's posting on the held account, looked up by the entry (as a join, PostgreSQL
        -- hashed every posting of the book).
        SELECT e.cause, coalesce(abs((SELECT sum(p.amount) FROM postings p WHERE p.account_id = ${heldAccountSql} AND p.entry_id = e.id)), 0) AS held
        FROM journal_entries e
        WHERE e.at >= ${start} AND e.at < ${end} AND e.part_id IS NOT NULL
      )
      SELECT c.cause, coalesce(ch.changes, 0)::int AS changes, coalesce(en.entries, 0)::int AS entries, coalesce(en.amount, 0)::text AS amount
      FROM unnest(${[...tieOutCauses]}::text[]) AS c(cause)
      -- Each read once and grouped, not once per cause.
      LEFT JOIN (SELECT cause, count(*) AS changes FROM changes GROUP BY cause) ch ON ch.cause = c.cause
      LEFT JOIN (SELECT cause, count(*) AS entries, sum(held) AS amount FROM entries GROUP BY cause) en ON en.cause = c.cause
      ORDER BY array_position(${[...tieOutCauses]}::text[], c.cause)`,
    prisma.$queryRaw<TieOutDifference[]>`
      WITH changes AS (${moneyChanges(start, end)}),
      unmatched_changes AS (
        SELECT c.part_id, c.at, c.change, c.cause,
               (SELECT count(*)::int FROM journal_entries e WHERE e.event_id = c.id AND e.cause = c.cause) AS entries
        FROM changes c
      ),
      stray_entries AS (
        SELECT e.part_id, e.at, e.cause FROM journal_entries e
        WHERE e.at >= ${start} AND e.at < ${end} AND e.part_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM transfer_events ev WHERE ev.id = e.event_id AND ${Prisma.raw(moveCauseSql())} = e.cause)
      )
      SELECT (SELECT tp.reference FROM transfer_parts tp WHERE tp.id = u.part_id) AS reference, u.at,
             CASE WHEN u.entries = 0 THEN 'no entry' ELSE u.entries || ' entries' END AS problem, u.change, u.entries, u.cause
      FROM unmatched_changes u WHERE u.entries <> 1
      UNION ALL
      SELECT (SELECT tp.reference FROM transfer_parts tp WHERE tp.id = s.part_id), s.at, 'entry (' || s.cause || ') without its change', NULL, NULL, s.cause
      FROM stray_entries s
      ORDER BY at LIMIT ${limit}`,
    heldDifferences(prisma, start, end, limit),
  ]);
  const rows = accounts.map((a) => ({
    kind: a.kind,
    outletName: a.outlet_name,
    opening: money(a.opening),
    in: money(a.in),
    out: money(a.out),
    closing: money(new Decimal(a.opening).plus(a.in).minus(a.out)),
  }));
  const total = (pick: (a: AccountTotal) => string, of = rows) => money(of.reduce((s, a) => s.plus(pick(a)), new Decimal(0)));
  return {
    day,
    accounts: rows,
    book: { opening: total((a) => a.opening), in: total((a) => a.in), out: total((a) => a.out), closing: total((a) => a.closing) },
    walletsTotal: total((a) => a.closing, rows.filter((a) => a.kind === "OUTLET_WALLET")),
    tieOut: tieOut.map((t) => ({ ...t, amount: money(t.amount) })),
    tieOutDifferences,
    differences: differences.map((d) => ({ reference: d.reference, state: d.state, expected: money(d.expected), held: money(d.held) })),
  };
}

/**
 * Parts whose money held for transfers is not what their state says: those changed during the
 * day and those held now (a part that is not held and did not change on the day was checked on
 * the day of its last change). Each candidate's part and what the book holds for it are looked
 * up by the part (its entries, their postings on the held account): as joins, PostgreSQL read
 * every part and hashed every held posting of the book.
 */
function heldDifferences(prisma: Pick<PrismaClient, "$queryRaw">, start: Date, end: Date, limit: number) {
  const held = Prisma.sql`${[...heldStates]}::"PartState"[]`;
  return prisma.$queryRaw<{ reference: string; state: string; expected: string; held: string }[]>`
    -- Materialised: the candidates are checked once each and only their differences sorted.
    -- Inlined, PostgreSQL walked every part in time order checking each, for the LIMIT.
    WITH candidates AS MATERIALIZED (
      SELECT part_id AS id FROM transfer_events WHERE at >= ${start} AND at < ${end}
      UNION SELECT id FROM transfer_parts WHERE state = ANY(${held})
    ),
    differences AS MATERIALIZED (
      SELECT tp.reference, tp.state::text AS state, tp.created_at, tp.expected, coalesce(h.held, 0) AS held
      FROM candidates c
      CROSS JOIN LATERAL (
        SELECT reference, state, created_at, CASE WHEN state = ANY(${held}) THEN amount + customer_charge ELSE 0 END AS expected
        FROM transfer_parts WHERE id = c.id) tp
      CROSS JOIN LATERAL (
        SELECT sum(p.amount) AS held FROM journal_entries e JOIN postings p ON p.entry_id = e.id AND p.account_id = ${heldAccountSql}
        WHERE e.part_id = c.id) h
      WHERE coalesce(h.held, 0) <> tp.expected
    )
    SELECT reference, state, expected::text, held::text FROM differences ORDER BY created_at LIMIT ${limit}`;
}

/** The day's state changes that move money, each with the entry it must have made. */
function moneyChanges(start: Date, end: Date) {
  return Prisma.sql`
    SELECT * FROM (
      SELECT ev.id, ev.part_id, ev.at, coalesce(ev.from_state::text, 'new') || ' to ' || ev.to_state::text AS change, ${Prisma.raw(moveCauseSql())} AS cause
      FROM transfer_events ev WHERE ev.at >= ${start} AND ev.at < ${end}
    ) moves WHERE cause IS NOT NULL`;
}
