/**
 * Risk flags for the supervisor's daily review, computed from the ledger: patterns a person
 * should look at, each explained in one sentence (a message, with its days and lists in the
 * reader's language). A flag is a reason to look, not a verdict.
 *
 * Only transfers of the reviewer's outlets (the scope) created inside the range are flagged.
 * Every query starts from the range (index transfers(created_at), or (outlet_id, created_at)
 * under a scope) and reaches parts and events through their transfer's and part's indexes,
 * so the cost follows the range's transfers, not the table's: five grouped queries in all.
 */
import "server-only";
import { addMonths, format, startOfMonth } from "date-fns";
import Decimal from "decimal.js";
import { config, type RiskConfig } from "@/lib/config";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { indiaTimeZoneSql } from "@/lib/db/india-time-sql";
import { monthlyLimitRupees, perTransferLimitRupees } from "@/lib/money/dmt-limits";
import { reservingStates } from "@/lib/ledger/states";
import type { ReviewScope } from "@/lib/review/scope";
import { listWords } from "@/lib/review/labels";
import { dayLabel, indiaDay } from "@/lib/days";
import { inIndia, maskMobile, rupeesSpoken } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n/message-key";
import type { Locale } from "@/lib/i18n/locales";
import { said, type Said } from "@/lib/i18n/said";
import { showMoment } from "@/lib/i18n/show-moment";

export interface RiskSettings {
  /** shared_beneficiary: more than this many customers paying one account in a day. */
  beneficiaryRemitters: number;
  /** far_from_outlet: farther than this (km) from the outlet. */
  distanceKm: number;
  /** just_under_5000: at least this many Rs 4,500-4,999 transfers by one customer in a day. */
  nearLimitMin: number;
  /** wrong_otps: at least this many wrong OTPs on one transfer. */
  wrongOtps: number;
}

/** The kinds in the order the review lists them. */
export const riskKinds = ["near_monthly_cap", "shared_beneficiary", "just_under_5000", "far_from_outlet", "wrong_otps"] as const;
export type RiskKind = (typeof riskKinds)[number];

/** Each kind's name, as the review lists it. */
export const riskKindLabelKeys = {
  near_monthly_cap: "review.risk.kinds.nearMonthlyCap",
  shared_beneficiary: "review.risk.kinds.sharedBeneficiary",
  just_under_5000: "review.risk.kinds.justUnder5000",
  far_from_outlet: "review.risk.kinds.farFromOutlet",
  wrong_otps: "review.risk.kinds.wrongOtps",
} as const satisfies Record<RiskKind, MessageKey>;

export interface RiskFlag {
  kind: RiskKind;
  /** The flagged transfers in the range, oldest first. */
  transferIds: string[];
  /** One plain sentence a supervisor understands, with the numbers: its days, months and lists in the reader's words. */
  explanation: Said;
  /** Who or what the flag is about: a masked mobile, a masked account, an outlet. */
  subject: string;
}

/** Fixed rules, not settings. */
export const nearLimitMin = 2;
export const wrongOtpsMin = 3;
/** A month's use above this share of the Rs 25,000 limit is near the cap. */
export const nearCapShare = 0.8;
/** "Just under" the Rs 5,000 per-transaction limit: from Rs 4,500 up to (not including) Rs 5,000. */
export const justUnderFrom = 4_500;
export const earthRadiusKm = 6371;

export function riskSettings(risk: RiskConfig = config().risk): RiskSettings {
  return { beneficiaryRemitters: risk.beneficiaryRemitters, distanceKm: risk.distanceKm, nearLimitMin, wrongOtps: wrongOtpsMin };
}

/** Great-circle distance in km (haversine), as the far_from_outlet query computes it. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The range's flags, their sentences' days, months and lists written for a reader of `locale`. */
export async function riskFlags(prisma: PrismaClient, scope: ReviewScope, range: { start: Date; end: Date }, settings: RiskSettings, locale: Locale = "en"): Promise<RiskFlag[]> {
  if (!scope.all && scope.outletIds.length === 0) return [];
  const q = { prisma, where: inRange(scope, range), locale };
  const groups = await Promise.all([nearMonthlyCap(q, range), sharedBeneficiary(q, settings), justUnder5000(q, settings), farFromOutlet(q, settings), wrongOtps(q, settings)]);
  const order = (k: RiskKind) => riskKinds.indexOf(k);
  return groups
    .flat()
    .sort((a, b) => order(a.flag.kind) - order(b.flag.kind) || compare(a.flag.subject, b.flag.subject) || compare(a.sortKey, b.sortKey))
    .map((s) => s.flag);
}

type Query = { prisma: PrismaClient; where: Prisma.Sql; locale: Locale };
/** A flag and what orders flags of one kind and subject (day or time, then the first id). */
type Sorted = { flag: RiskFlag; sortKey: string };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The transfers a scope and range select, on alias `t`: the raw-SQL form of
 * transferScopeWhere(scope) plus the range, [start, end).
 */
function inRange(scope: ReviewScope, range: { start: Date; end: Date }): Prisma.Sql {
  const outlets = scope.all ? Prisma.empty : Prisma.sql`AND t.outlet_id IN (${Prisma.join(scope.outletIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  return Prisma.sql`t.created_at >= ${range.start} AND t.created_at < ${range.end} ${outlets}`;
}

/**
 * Money patterns leave out transfers all of whose parts were cancelled: no money moved. Join
 * `liveParts` and test `lv.live`. Written as a LATERAL aggregate (which PostgreSQL cannot turn
 * into a hash join over every part) so each transfer in the range probes its own parts by index:
 * the cost follows the range, not the size of transfer_parts.
 */
const liveParts = Prisma.sql`CROSS JOIN LATERAL (SELECT bool_or(x.state <> 'CANCELLED') AS live FROM transfer_parts x WHERE x.transfer_id = t.id) lv`;

/** India's calendar day of a transfer, as yyyy-mm-dd (India has no daylight saving). */
const indiaDaySql = Prisma.sql`to_char(t.created_at AT TIME ZONE ${indiaTimeZoneSql}, 'YYYY-MM-DD')`;

/** A transfer's moment as a flag's sentence says it: its time and its day. */
const moment = (at: Date, locale: Locale) => ({ time: format(inIndia(at), "HH:mm"), day: dayLabel(indiaDay(at), locale) });

/** Groups ordered rows (one per transfer) by a key, keeping each group's first row and ids in order. */
function groupRows<R extends { id: string }>(rows: R[], key: (r: R) => string): { first: R; rows: R[]; ids: string[] }[] {
  const groups = new Map<string, { first: R; rows: R[]; ids: string[] }>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) {
      group.rows.push(row);
      group.ids.push(row.id);
    } else groups.set(k, { first: row, rows: [row], ids: [row.id] });
  }
  return [...groups.values()];
}

/**
 * 1. Customers who have used more than 80% of the Rs 25,000 monthly limit in the month of the
 * range's last day (India time). Usage is the ledger's (monthUsage): parts in the reserving
 * states, of every outlet (the limit is the customer's, not the outlet's), bounded to that month.
 * Only the customer's transfers in the scope and range are flagged.
 */
async function nearMonthlyCap({ prisma, where, locale }: Query, range: { start: Date; end: Date }): Promise<Sorted[]> {
  const monthStartIndia = startOfMonth(inIndia(new Date(range.end.getTime() - 1)));
  const monthStart = new Date(monthStartIndia.getTime());
  const monthEnd = new Date(addMonths(monthStartIndia, 1).getTime());
  const threshold = new Decimal(monthlyLimitRupees).times(nearCapShare);
  const reserving = Prisma.raw(reservingStates.map((s) => `'${s}'`).join(", "));
  const rows = await prisma.$queryRaw<{ id: string; mobile: string; used: string; created_at: Date }[]>`
    WITH in_range AS (
      SELECT t.id, t.remitter_mobile, t.created_at FROM transfers t ${liveParts}
      WHERE ${where} AND lv.live
    ), used AS (
      -- Per customer, through transfers(remitter_mobile, created_at) and their parts' index.
      SELECT m.remitter_mobile, u.used
      FROM (SELECT DISTINCT remitter_mobile FROM in_range) m
      CROSS JOIN LATERAL (
        SELECT sum(p.amount) AS used
        FROM transfers t JOIN transfer_parts p ON p.transfer_id = t.id
        WHERE t.remitter_mobile = m.remitter_mobile AND t.created_at >= ${monthStart} AND t.created_at < ${monthEnd}
          AND p.state IN (${reserving})
      ) u
      WHERE u.used > ${threshold.toFixed(2)}::numeric
    )
    SELECT r.id, r.remitter_mobile AS mobile, u.used::text AS used, r.created_at
    FROM in_range r JOIN used u ON u.remitter_mobile = r.remitter_mobile
    ORDER BY r.remitter_mobile, r.created_at, r.id`;
  const month = showMoment(monthStartIndia, locale, "month");
  return groupRows(rows, (r) => r.mobile).map(({ first, ids }) => ({
    flag: {
      kind: "near_monthly_cap",
      transferIds: ids,
      subject: maskMobile(first.mobile),
      explanation: said("review.risk.explain.nearMonthlyCap", {
        mobile: maskMobile(first.mobile),
        used: rupeesSpoken(first.used),
        limit: rupeesSpoken(monthlyLimitRupees),
        month,
        share: String(nearCapShare * 100),
      }),
    },
    sortKey: first.id,
  }));
}

/**
 * 2. One beneficiary account paid by more than N different customers on one India day.
 * The portal never stores full account numbers, so the account is identified by a proxy:
 * IFSC + the masked account (last four digits) + the beneficiary's name, upper-cased with its
 * spaces collapsed. Two different accounts can share all three (rarely); one account typed
 * with a different name is missed.
 */
async function sharedBeneficiary({ prisma, where, locale }: Query, settings: RiskSettings): Promise<Sorted[]> {
  const rows = await prisma.$queryRaw<{ id: string; ifsc: string; account: string; name: string; day: string; remitters: number }[]>`
    WITH base AS (
      SELECT t.id, t.remitter_mobile, t.created_at, upper(btrim(t.ifsc)) AS ifsc, btrim(t.account_masked) AS account,
             upper(btrim(regexp_replace(t.beneficiary_name, '[[:space:]]+', ' ', 'g'))) AS name, ${indiaDaySql} AS day
      FROM transfers t ${liveParts}
      WHERE ${where} AND t.ifsc IS NOT NULL AND t.account_masked IS NOT NULL AND lv.live
    ), hits AS (
      SELECT ifsc, account, name, day, count(DISTINCT remitter_mobile)::int AS remitters
      FROM base GROUP BY ifsc, account, name, day
      HAVING count(DISTINCT remitter_mobile) > ${settings.beneficiaryRemitters}::int
    )
    SELECT b.id, h.ifsc, h.account, h.name, h.day, h.remitters
    FROM base b JOIN hits h ON h.ifsc = b.ifsc AND h.account = b.account AND h.name = b.name AND h.day = b.day
    ORDER BY h.ifsc, h.account, h.name, h.day, b.created_at, b.id`;
  return groupRows(rows, (r) => `${r.ifsc}|${r.account}|${r.name}|${r.day}`).map(({ first, ids }) => ({
    flag: {
      kind: "shared_beneficiary",
      transferIds: ids,
      subject: `${first.account} at ${first.ifsc}`,
      explanation: said("review.risk.explain.sharedBeneficiary", {
        account: first.account,
        ifsc: first.ifsc,
        name: first.name,
        count: String(first.remitters),
        day: dayLabel(first.day, locale),
        limit: String(settings.beneficiaryRemitters),
      }),
    },
    sortKey: `${first.day}|${first.name}|${first.id}`,
  }));
}

/**
 * 3. One customer with several transfers of Rs 4,500 to Rs 4,999 on one India day: an amount
 * split by hand to stay under the Rs 5,000 per-transaction limit.
 */
async function justUnder5000({ prisma, where, locale }: Query, settings: RiskSettings): Promise<Sorted[]> {
  const rows = await prisma.$queryRaw<{ id: string; mobile: string; day: string; amount: string }[]>`
    WITH base AS (
      SELECT t.id, t.remitter_mobile, t.amount, t.created_at, ${indiaDaySql} AS day
      FROM transfers t ${liveParts}
      WHERE ${where} AND t.amount >= ${String(justUnderFrom)}::numeric AND t.amount < ${String(perTransferLimitRupees)}::numeric AND lv.live
    ), hits AS (
      SELECT remitter_mobile, day FROM base GROUP BY remitter_mobile, day HAVING count(*) >= ${settings.nearLimitMin}::int
    )
    SELECT b.id, b.remitter_mobile AS mobile, b.day, b.amount::text AS amount
    FROM base b JOIN hits h ON h.remitter_mobile = b.remitter_mobile AND h.day = b.day
    ORDER BY b.remitter_mobile, b.day, b.created_at, b.id`;
  return groupRows(rows, (r) => `${r.mobile}|${r.day}`).map(({ first, rows: group, ids }) => ({
    flag: {
      kind: "just_under_5000",
      transferIds: ids,
      subject: maskMobile(first.mobile),
      explanation: said("review.risk.explain.justUnder5000", {
        mobile: maskMobile(first.mobile),
        count: group.length,
        from: rupeesSpoken(justUnderFrom),
        to: rupeesSpoken(perTransferLimitRupees - 1),
        day: dayLabel(first.day, locale),
        amounts: listWords(group.map((r) => rupeesSpoken(r.amount)), locale),
        limit: rupeesSpoken(perTransferLimitRupees),
      }),
    },
    sortKey: `${first.day}|${first.id}`,
  }));
}

/**
 * 4. A transfer made farther than X km from its outlet: the shop location sent with the
 * transfer against the outlet's own, by haversine (Earth radius 6371 km). Cancelled transfers
 * count too: the agent was away from the shop whether or not money moved.
 */
async function farFromOutlet({ prisma, where, locale }: Query, settings: RiskSettings): Promise<Sorted[]> {
  const rows = await prisma.$queryRaw<{ id: string; mobile: string; amount: string; created_at: Date; outlet: string; agent: string; km: number }[]>`
    SELECT * FROM (
      SELECT t.id, t.remitter_mobile AS mobile, t.amount::text AS amount, t.created_at, o.name AS outlet, u.name AS agent,
             (2 * ${earthRadiusKm}::float8 * asin(least(1::float8, sqrt(
                power(sin(radians((t.latitude - o.latitude)::float8) / 2), 2)
                + cos(radians(o.latitude::float8)) * cos(radians(t.latitude::float8)) * power(sin(radians((t.longitude - o.longitude)::float8) / 2), 2)))))::float8 AS km
      FROM transfers t JOIN outlets o ON o.id = t.outlet_id JOIN users u ON u.id = t.agent_id
      WHERE ${where}
    ) d
    WHERE d.km > ${settings.distanceKm}::float8
    ORDER BY d.outlet, d.created_at, d.id`;
  return rows.map((r) => ({
    flag: {
      kind: "far_from_outlet",
      transferIds: [r.id],
      subject: r.outlet,
      explanation: said("review.risk.explain.farFromOutlet", {
        amount: rupeesSpoken(r.amount),
        mobile: maskMobile(r.mobile),
        ...moment(r.created_at, locale),
        km: kmText(r.km, settings.distanceKm),
        outlet: r.outlet,
        agent: r.agent,
        limit: String(settings.distanceKm),
      }),
    },
    sortKey: `${r.created_at.toISOString()}|${r.id}`,
  }));
}

/** The distance in km with enough decimals that it reads as more than the limit. */
function kmText(km: number, limit: number): string {
  for (const digits of [1, 2, 3]) if (Number(km.toFixed(digits)) > limit) return km.toFixed(digits);
  return km.toFixed(3);
}

/**
 * 5. A transfer whose customer's OTP was refused as wrong several times. The ledger records a
 * wrong OTP with cause "confirm_wrong_otp" (SUBMITTED -> OTP_SENT, or CANCELLED after the last
 * allowed try); rows written before that name read SUBMITTED -> OTP_SENT "confirm_rejected". Counted over all the transfer's parts; cancelled
 * transfers count too (guessing an OTP is the signal, whatever came of it).
 */
async function wrongOtps({ prisma, where, locale }: Query, settings: RiskSettings): Promise<Sorted[]> {
  // LATERAL keeps the plan range-first: each transfer in the range reaches its parts and their
  // events through their indexes, instead of a scan of every wrong-OTP event ever recorded.
  const rows = await prisma.$queryRaw<{ id: string; mobile: string; amount: string; created_at: Date; wrong: number }[]>`
    SELECT t.id, t.remitter_mobile AS mobile, t.amount::text AS amount, t.created_at, w.wrong::int AS wrong
    FROM transfers t
    CROSS JOIN LATERAL (
      SELECT count(*) AS wrong
      FROM transfer_parts p JOIN transfer_events e ON e.part_id = p.id
      WHERE p.transfer_id = t.id AND e.from_state = 'SUBMITTED'
        AND (e.cause = 'confirm_wrong_otp' OR (e.to_state = 'OTP_SENT' AND e.cause = 'confirm_rejected'))
    ) w
    WHERE ${where} AND w.wrong >= ${settings.wrongOtps}::int
    ORDER BY t.remitter_mobile, t.created_at, t.id`;
  return rows.map((r) => ({
    flag: {
      kind: "wrong_otps",
      transferIds: [r.id],
      subject: maskMobile(r.mobile),
      explanation: said("review.risk.explain.wrongOtps", { count: String(r.wrong), amount: rupeesSpoken(r.amount), mobile: maskMobile(r.mobile), ...moment(r.created_at, locale) }),
    },
    sortKey: `${r.created_at.toISOString()}|${r.id}`,
  }));
}
