/**
 * The admin's audit log: every audit event, newest first, filtered on the server by actor,
 * action (exact, or a prefix such as "auth."), and a range of India days, 50 to a page.
 *
 * Paging is keyset on (at, id), never OFFSET: "older" continues below the page's last event and
 * "newer" above its first, so a page deep in a large log costs the same as the first, and events
 * written meanwhile never shift the pages. Each filter has an index to start from: (actor_id, at)
 * and (actor_label, at) for the actor, (action, at) for the action, (at) for the days.
 *
 * The page's words (an action's, a target's, the details') are said by the `say` it is given,
 * in the reader's language; the events themselves are read as stored.
 */
import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { compactDetails, type CompactDetails } from "@/lib/audit-log/redact";
import { detailLines, type DetailLine } from "@/lib/audit-log/words";
import { maskMobile, rupees } from "@/lib/format";
import { auditActionLabel, auditActionLabels, inEnglish, type SayAudit } from "@/lib/audit-log/known-actions";
import { dayLabel, dayRange, daySchema, parseDay } from "@/lib/days";

export const auditPageSize = 50;

export interface AuditCursor {
  at: Date;
  id: bigint;
}

export interface AuditFilters {
  /** A username or the label a sign-in attempt was made under; lower-case. */
  actor?: string;
  /** One action, exactly. */
  action?: string;
  /** Actions starting with this ("auth." or "money."). */
  prefix?: string;
  /** India days, yyyy-MM-dd, inclusive. */
  from?: string;
  to?: string;
  /** Older than this event (the next page down) ... */
  before?: AuditCursor;
  /** ... or newer than it (the page above). */
  after?: AuditCursor;
}

/** "<epoch ms>.<id>": the position of an event in the log's order. */
export function encodeCursor(c: AuditCursor): string {
  return `${c.at.getTime()}.${c.id}`;
}

const cursorPattern = /^(\d{1,15})\.(\d{1,19})$/;

export function decodeCursor(value: string): AuditCursor | null {
  const match = cursorPattern.exec(value);
  return match ? { at: new Date(Number(match[1])), id: BigInt(match[2]!) } : null;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v);
const optional = <T extends z.core.SomeType>(schema: T) => z.preprocess(blankToUndefined, z.optional(schema));
const cursorParam = z.string().regex(cursorPattern).transform((v) => decodeCursor(v)!);
const actionText = z.string().max(64).regex(/^[A-Za-z0-9._-]+$/);

const filterSchema = {
  actor: optional(z.string().max(64).transform((v) => v.toLowerCase())),
  action: optional(actionText),
  prefix: optional(actionText),
  from: optional(daySchema()),
  to: optional(daySchema()),
  before: optional(cursorParam),
  after: optional(cursorParam),
};

/** Reads search parameters; each invalid one is left out and named in `problems`. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): { filters: AuditFilters; problems: string[] } {
  const filters: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(filterSchema)) {
    const raw = params[key];
    const parsed = (schema as z.ZodType).safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) {
      if (parsed.data !== undefined) filters[key] = parsed.data;
    } else problems.push(key);
  }
  const f = filters as AuditFilters;
  if (f.from && f.to && f.to < f.from) [f.from, f.to] = [f.to, f.from];
  if (f.before && f.after) delete f.after;
  return { filters: f, problems };
}

/** The filters as search parameters again (without the page's position). */
export function auditFiltersToSearch(f: AuditFilters, position: { before?: AuditCursor; after?: AuditCursor } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "prefix", "from", "to"] as const) if (f[key]) params.set(key, f[key]!);
  if (position.before) params.set("before", encodeCursor(position.before));
  if (position.after) params.set("after", encodeCursor(position.after));
  return params.toString();
}

export interface AuditRow {
  id: string;
  at: Date;
  actorLabel: string | null;
  /** The user's name, when the event has a user. */
  actorName: string | null;
  action: string;
  /** The action in words. */
  actionLabel: string;
  /** What the event was about, named (a reference, a username, an outlet), or its type and id. */
  target: string | null;
  /** The details in words, redacted. */
  detailLines: DetailLine[];
  /** The details as recorded (redacted JSON), for the admin who needs the exact record. */
  details: CompactDetails | null;
  ip: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Where the next page down starts, when there are older events. */
  older: AuditCursor | null;
  /** Where the page above starts, when there are newer events. */
  newer: AuditCursor | null;
}

type AuditDb = Pick<PrismaClient, "auditEvent" | "user" | "$queryRaw" | "transferPart" | "transfer" | "outlet" | "chargePlan" | "statementImport" | "fundRequest" | "walletAdjustment">;

/** The events the filters select, without the paging position. */
export async function auditWhere(prisma: AuditDb, f: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) {
    // A user's events by their id; a label also finds sign-in attempts under a name no user had.
    const user = await prisma.user.findUnique({ where: { username: f.actor }, select: { id: true } });
    and.push({ OR: [{ actorLabel: f.actor }, ...(user ? [{ actorId: user.id }] : [])] });
  }
  if (f.action) and.push({ action: f.action });
  if (f.prefix) {
    // The prefix is matched against the log's distinct actions (few) rather than with LIKE, where
    // "_" would match any character and, under most collations, no index would help.
    const prefix = f.prefix;
    and.push({ action: { in: (await distinctActions(prisma)).filter((a) => a.startsWith(prefix)) } });
  }
  if (f.from || f.to) {
    const { start, end } = dayRange(f.from ?? f.to!, f.to ?? f.from!);
    and.push({ at: { ...(f.from ? { gte: start } : {}), ...(f.to ? { lt: end } : {}) } });
  }
  return and.length > 0 ? { AND: and } : {};
}

const eventSelect = {
  id: true,
  at: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
  ip: true,
  actor: { select: { name: true } },
} satisfies Prisma.AuditEventSelect;

export async function listAuditEvents(prisma: AuditDb, f: AuditFilters, { pageSize = auditPageSize, say = inEnglish }: { pageSize?: number; say?: SayAudit } = {}): Promise<AuditPage> {
  const where = await auditWhere(prisma, f);
  const upward = !f.before && !!f.after;
  const cursor = f.before ?? f.after;
  const position: Prisma.AuditEventWhereInput | null = cursor
    ? upward
      ? { at: { gte: cursor.at }, OR: [{ at: { gt: cursor.at } }, { id: { gt: cursor.id } }] }
      : { at: { lte: cursor.at }, OR: [{ at: { lt: cursor.at } }, { id: { lt: cursor.id } }] }
    : null;
  const found = await prisma.auditEvent.findMany({
    where: position ? { AND: [where, position] } : where,
    orderBy: upward ? [{ at: "asc" }, { id: "asc" }] : [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: eventSelect,
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (upward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const at = (e: { at: Date; id: bigint } | undefined) => (e ? { at: e.at, id: e.id } : null);
  const names = await targetNames(prisma, page, say);
  return {
    rows: page.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      actorLabel: e.actorLabel,
      actorName: e.actor?.name ?? null,
      action: e.action,
      actionLabel: auditActionLabel(e.action, say),
      target: e.targetType ? (names.get(`${e.targetType} ${e.targetId}`) ?? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}`) : null,
      detailLines: detailLines(e.details, say),
      details: compactDetails(e.details),
      ip: e.ip,
    })),
    // Going down, there are newer events whenever we came from above; going up, when more were found.
    older: upward ? at(last) : more ? at(last) : null,
    newer: upward ? (more ? at(first) : null) : f.before ? at(first) : null,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The page's targets by name, keyed "type id": one query per kind of target on the page. A
 * target that no longer exists keeps its type and id.
 */
async function targetNames(prisma: AuditDb, events: { targetType: string | null; targetId: string | null }[], say: SayAudit): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.targetType === type && e.targetId && uuidPattern.test(e.targetId)).map((e) => e.targetId!))];
  const [parts, transfers, users, outlets, plans, imports, topUps, adjustments] = await Promise.all([
    prisma.transferPart.findMany({ where: { id: { in: ids("transfer_part") } }, select: { id: true, reference: true, seq: true } }),
    prisma.transfer.findMany({ where: { id: { in: ids("transfer") } }, select: { id: true, beneficiaryName: true, parts: { orderBy: { seq: "asc" }, take: 1, select: { reference: true } } } }),
    prisma.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, username: true } }),
    prisma.outlet.findMany({ where: { id: { in: ids("outlet") } }, select: { id: true, name: true } }),
    prisma.chargePlan.findMany({ where: { id: { in: ids("charge_plan") } }, select: { id: true, name: true } }),
    prisma.statementImport.findMany({ where: { id: { in: ids("statement_import") } }, select: { id: true, fileName: true } }),
    prisma.fundRequest.findMany({ where: { id: { in: ids("fund_request") } }, select: { id: true, amount: true, paymentReference: true, outlet: { select: { name: true } } } }),
    prisma.walletAdjustment.findMany({ where: { id: { in: ids("wallet_adjustment") } }, select: { id: true, amount: true, direction: true, outlet: { select: { name: true } } } }),
  ]);
  const names = new Map<string, string>();
  for (const p of parts) names.set(`transfer_part ${p.id}`, say("admin.audit.targets.part", { seq: String(p.seq), reference: p.reference }));
  for (const t of transfers) {
    const first = t.parts[0];
    names.set(`transfer ${t.id}`, first ? say("admin.audit.targets.transferWithReference", { name: t.beneficiaryName, reference: first.reference }) : say("admin.audit.targets.transfer", { name: t.beneficiaryName }));
  }
  for (const u of users) names.set(`user ${u.id}`, say("admin.audit.targets.user", { username: u.username }));
  for (const o of outlets) names.set(`outlet ${o.id}`, say("admin.audit.targets.outlet", { name: o.name }));
  for (const p of plans) names.set(`charge_plan ${p.id}`, say("admin.audit.targets.plan", { name: p.name }));
  for (const i of imports) names.set(`statement_import ${i.id}`, say("admin.audit.targets.statement", { fileName: i.fileName }));
  for (const t of topUps) names.set(`fund_request ${t.id}`, say("admin.audit.targets.topUp", { amount: rupees(t.amount.toFixed(2)), outlet: t.outlet.name, reference: t.paymentReference }));
  for (const a of adjustments) {
    const values = { amount: rupees(a.amount.toFixed(2)), outlet: a.outlet.name };
    names.set(`wallet_adjustment ${a.id}`, a.direction === "CREDIT" ? say("admin.audit.targets.credit", values) : say("admin.audit.targets.debit", values));
  }
  for (const e of events) {
    if (e.targetType === "remitter" && e.targetId) names.set(`remitter ${e.targetId}`, say("admin.audit.targets.customer", { mobile: maskMobile(e.targetId) }));
    if (e.targetType === "day" && e.targetId && parseDay(e.targetId)) names.set(`day ${e.targetId}`, dayLabel(e.targetId));
  }
  return names;
}

/**
 * Every action the log holds, read by hopping along the (action, at) index (a loose index scan),
 * not by reading every event.
 */
async function distinctActions(prisma: Pick<PrismaClient, "$queryRaw">): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      (SELECT action FROM audit_events ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT a.action FROM audit_events a WHERE a.action > actions.action ORDER BY a.action LIMIT 1)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((r) => r.action);
}

/** The actions the filter offers: the known ones and every one the log holds, sorted, in the words `say` gives. */
export async function actionOptions(prisma: Pick<PrismaClient, "$queryRaw">, say: SayAudit = inEnglish): Promise<{ action: string; label: string }[]> {
  const all = new Set([...Object.keys(auditActionLabels), ...(await distinctActions(prisma))]);
  return [...all].sort().map((action) => ({ action, label: auditActionLabel(action, say) }));
}
