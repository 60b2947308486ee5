/**
 * The admin's outlets: each shop with AOPay's RegistrationID (unique: it identifies the partner
 * in every AOPay call), address, PIN code and location. An inactive outlet's agents cannot
 * transfer (the counter refuses them); its history stays. Every change is audited.
 */
import "server-only";
import type { AuditAction } from "@/lib/audit-log/known-actions";
import { recordAudit } from "@/lib/audit";
import { changesBetween, isUniqueViolation, type Actor } from "@/lib/admin/common";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OutletValues } from "@/lib/validations/admin";
import { said } from "@/lib/i18n/said";
import { Refusal } from "@/lib/refusal";

export interface OutletRow {
  id: string;
  name: string;
  registrationId: string;
  address: string;
  pincode: string;
  /** Decimal degrees as stored, six decimals. */
  latitude: string;
  longitude: string;
  active: boolean;
  /** Users whose own outlet this is. */
  userCount: number;
}

const outletSelect = {
  id: true,
  name: true,
  registrationId: true,
  address: true,
  pincode: true,
  latitude: true,
  longitude: true,
  active: true,
  _count: { select: { users: true } },
} as const satisfies Prisma.OutletSelect;

function toRow(o: Prisma.OutletGetPayload<{ select: typeof outletSelect }>): OutletRow {
  return {
    id: o.id,
    name: o.name,
    registrationId: o.registrationId,
    address: o.address,
    pincode: o.pincode,
    latitude: o.latitude.toFixed(6),
    longitude: o.longitude.toFixed(6),
    active: o.active,
    userCount: o._count.users,
  };
}

export async function listOutlets(prisma: PrismaClient): Promise<OutletRow[]> {
  const outlets = await prisma.outlet.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: outletSelect });
  return outlets.map(toRow);
}

export async function outletForEdit(prisma: PrismaClient, id: string): Promise<OutletRow | null> {
  const outlet = await prisma.outlet.findUnique({ where: { id }, select: outletSelect });
  return outlet ? toRow(outlet) : null;
}

/** Outlets to choose from in the user forms: the active ones, plus any the user already has (the form marks the inactive ones). */
export async function outletChoices(prisma: PrismaClient, keep: string[] = []): Promise<{ id: string; label: string; active: boolean }[]> {
  const outlets = await prisma.outlet.findMany({
    where: { OR: [{ active: true }, { id: { in: keep } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, registrationId: true, active: true },
  });
  return outlets.map((o) => ({ id: o.id, label: `${o.name} (${o.registrationId})`, active: o.active }));
}

const registrationIdTaken = () => said("admin.outlets.server.registrationIdTaken");

function audit(prisma: Prisma.TransactionClient, actor: Actor, action: AuditAction, outletId: string, details: Prisma.InputJsonObject) {
  return recordAudit(prisma, { actorId: actor.id, actorLabel: actor.username, action, targetType: "outlet", targetId: outletId, details, ip: actor.ip });
}

async function refuseTakenRegistrationId(prisma: Prisma.TransactionClient, registrationId: string, exceptId?: string) {
  const other = await prisma.outlet.findUnique({ where: { registrationId }, select: { id: true } });
  if (other && other.id !== exceptId) throw new Refusal(registrationIdTaken(), "registrationId");
}

/** Writes with the unique index as the final word: a concurrent duplicate is refused the same way. */
async function withUniqueRegistrationId<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal(registrationIdTaken(), "registrationId");
    throw error;
  }
}

export async function createOutlet(prisma: PrismaClient, actor: Actor, input: OutletValues): Promise<{ id: string; name: string }> {
  return withUniqueRegistrationId(() =>
    prisma.$transaction(async (tx) => {
      await refuseTakenRegistrationId(tx, input.registrationId);
      const outlet = await tx.outlet.create({ data: input, select: { id: true, name: true } });
      await audit(tx, actor, "outlet.created", outlet.id, { ...input });
      return outlet;
    }),
  );
}

/** Returns the fields that changed. */
export async function updateOutlet(prisma: PrismaClient, actor: Actor, outletId: string, input: OutletValues): Promise<string[]> {
  return withUniqueRegistrationId(() =>
    prisma.$transaction(async (tx) => {
      const outlet = await tx.outlet.findUnique({ where: { id: outletId }, select: outletSelect });
      if (!outlet) throw new Refusal(said("admin.common.outletGone"));
      await refuseTakenRegistrationId(tx, input.registrationId, outletId);
      const before = toRow(outlet);
      const changes = changesBetween(
        { name: before.name, registrationId: before.registrationId, address: before.address, pincode: before.pincode, latitude: before.latitude, longitude: before.longitude },
        { ...input, latitude: Number(input.latitude).toFixed(6), longitude: Number(input.longitude).toFixed(6) },
      );
      if (Object.keys(changes).length === 0) return [];
      await tx.outlet.update({ where: { id: outletId }, data: input });
      await audit(tx, actor, "outlet.updated", outletId, { name: input.name, changes });
      return Object.keys(changes);
    }),
  );
}

/** An inactive outlet's agents are refused at the counter; reactivating lets them work again. */
export async function setOutletActive(prisma: PrismaClient, actor: Actor, outletId: string, active: boolean): Promise<{ name: string; changed: boolean }> {
  return prisma.$transaction(async (tx) => {
    const outlet = await tx.outlet.findUnique({ where: { id: outletId }, select: { id: true, name: true, registrationId: true, active: true } });
    if (!outlet) throw new Refusal(said("admin.common.outletGone"));
    if (outlet.active === active) return { name: outlet.name, changed: false };
    await tx.outlet.update({ where: { id: outletId }, data: { active } });
    await audit(tx, actor, active ? "outlet.reactivated" : "outlet.deactivated", outletId, { name: outlet.name, registrationId: outlet.registrationId });
    return { name: outlet.name, changed: true };
  });
}
