/**
 * The synthetic ledger's wallet book, as the portal would have written it (lib/wallet/part-money.ts):
 * each outlet opens with a deposit that covers every part it ever sends (plus a float for the
 * load run), then each state change that moves money gets its entry, naming the change's
 * event: held when sent to AOPay, settled with the commission less TDS on success, given back
 * when refunded. Written in set-based statements over ranges of events.
 *
 * The book's row triggers (a running balance per posting, an entry's sum per posting) would
 * make millions of postings take many minutes; the seed turns them off for its own session
 * (session_replication_role = replica, which needs a superuser, as the benchmark's server is),
 * sets each wallet's running balance from its postings in one statement, and then checks what
 * the triggers would have: every entry sums to zero, and no wallet went below zero.
 */
import type pg from "pg";
import { rebuildSummariesStatements } from "@/lib/ledger/report-summaries";
import { moveCauseSql } from "@/lib/wallet/part-money";

/** What each outlet holds besides what its seeded transfers spent: the load run's and the money calls' float. */
export const benchFloatRupees = 10_000_000;

const book = (kind: string) => `(SELECT id FROM accounts WHERE key = 'book:${kind}')`;

/** Entries and postings for the events with id in [$1, $2). */
const entriesSql = `
WITH moves AS (
  SELECT ev.id, ev.part_id, ev.at, ${moveCauseSql()} AS cause FROM transfer_events ev WHERE ev.id >= $1 AND ev.id < $2
),
e AS (
  INSERT INTO journal_entries (at, cause, part_id, event_id)
  SELECT at, cause, part_id, id FROM moves WHERE cause IS NOT NULL
  RETURNING id, cause, part_id
),
x AS (
  SELECT e.id, e.cause, tp.amount + tp.customer_charge AS paid, tp.commission, tp.tds, tp.net_commission, w.id AS wallet
  FROM e JOIN transfer_parts tp ON tp.id = e.part_id JOIN transfers t ON t.id = tp.transfer_id
  JOIN accounts w ON w.key = 'wallet:' || t.outlet_id
)
INSERT INTO postings (entry_id, account_id, amount)
SELECT x.id, l.account, l.amount FROM x CROSS JOIN LATERAL (
  SELECT * FROM (VALUES
    ('part_held', x.wallet, -x.paid),
    ('part_held', ${book("HELD_FOR_TRANSFERS")}, x.paid),
    ('part_settled', ${book("HELD_FOR_TRANSFERS")}, -x.paid),
    ('part_settled', ${book("AOPAY_SETTLEMENT")}, x.paid),
    ('part_settled', ${book("COMMISSION_PAID")}, -x.commission),
    ('part_settled', x.wallet, x.net_commission),
    ('part_settled', ${book("TDS_PAYABLE")}, x.tds),
    ('part_released', ${book("HELD_FOR_TRANSFERS")}, -x.paid),
    ('part_released', x.wallet, x.paid)
  ) v(cause, account, amount) WHERE v.cause = x.cause AND v.amount <> 0
) l`;

export async function seedBook(client: pg.Client, batchEvents = 500_000): Promise<{ entries: number; postings: number }> {
  await client.query("SET session_replication_role = replica");
  try {
    // Each outlet's wallet, and its deposit a day before its first transfer: what all its parts take, and the float.
    await client.query(
      `INSERT INTO accounts (id, key, kind, outlet_id) SELECT gen_random_uuid(), 'wallet:' || o.id, 'OUTLET_WALLET', o.id FROM outlets o
       ON CONFLICT (key) DO NOTHING`,
    );
    await client.query(
      `WITH need AS (
         SELECT t.outlet_id, min(t.created_at) AS first, sum(tp.amount + tp.customer_charge) FILTER (WHERE tp.submitted_at IS NOT NULL) AS spent
         FROM transfers t JOIN transfer_parts tp ON tp.transfer_id = t.id GROUP BY t.outlet_id
       ),
       d AS (
         SELECT nextval(pg_get_serial_sequence('journal_entries', 'id')) AS entry_id, o.id AS outlet_id,
                coalesce(need.first, now()) - interval '1 day' AS at, coalesce(need.spent, 0) + $1 AS amount
         FROM outlets o LEFT JOIN need ON need.outlet_id = o.id
       ),
       e AS (INSERT INTO journal_entries (id, at, cause, memo) SELECT entry_id, at, 'deposit', 'Opening float' FROM d)
       INSERT INTO postings (entry_id, account_id, amount)
       SELECT d.entry_id, l.account, l.amount FROM d CROSS JOIN LATERAL (VALUES
         ((SELECT id FROM accounts WHERE key = 'wallet:' || d.outlet_id), d.amount),
         (${book("DEPOSITS_RECEIVED")}, -d.amount)
       ) l(account, amount)`,
      [benchFloatRupees],
    );
    const { lo, hi } = (await client.query<{ lo: string; hi: string }>("SELECT coalesce(min(id), 0)::text AS lo, coalesce(max(id), 0)::text AS hi FROM transfer_events")).rows[0]!;
    for (let from = BigInt(lo); from <= BigInt(hi); from += BigInt(batchEvents)) {
      await client.query(entriesSql, [from.toString(), (from + BigInt(batchEvents)).toString()]);
    }
    await client.query(
      `UPDATE accounts a SET balance = s.total FROM (SELECT account_id, sum(amount) AS total FROM postings GROUP BY account_id) s
       WHERE a.id = s.account_id AND a.kind = 'OUTLET_WALLET'`,
    );
  } finally {
    await client.query("SET session_replication_role = DEFAULT");
  }
  // The trial balance's summary, which the postings' trigger would have kept.
  for (const statement of rebuildSummariesStatements(["account_day_totals"])) await client.query(statement);
  // What the triggers would have refused, checked once for the whole book.
  const check = (
    await client.query<{ unbalanced: number; negative: number; entries: number; postings: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT entry_id FROM postings GROUP BY entry_id HAVING sum(amount) <> 0 OR count(*) < 2) u) AS unbalanced,
              (SELECT count(*)::int FROM (
                 SELECT sum(p.amount) OVER (PARTITION BY p.account_id ORDER BY e.at, e.id) AS running
                 FROM postings p JOIN journal_entries e ON e.id = p.entry_id JOIN accounts a ON a.id = p.account_id WHERE a.kind = 'OUTLET_WALLET'
               ) r WHERE running < 0) AS negative,
              (SELECT count(*)::int FROM journal_entries) AS entries, (SELECT count(*)::int FROM postings) AS postings`,
    )
  ).rows[0]!;
  if (check.unbalanced > 0 || check.negative > 0) throw new Error(`The seeded book is wrong: ${check.unbalanced} unbalanced entries, ${check.negative} wallet lines below zero.`);
  return { entries: check.entries, postings: check.postings };
}
