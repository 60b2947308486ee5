/** The admin's outlets on both databases: create, edit, deactivate; one RegistrationID per outlet. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutlet, listOutlets, outletChoices, setOutletActive, updateOutlet } from "@/lib/admin/outlets";
import { isUniqueViolation, type Actor } from "@/lib/admin/common";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { outletSchema, type OutletInput } from "@/lib/validations/admin";
import { Refusal } from "@/lib/refusal";

let seq = 0;

function outletValues(overrides: Partial<OutletInput> = {}) {
  return outletSchema.parse({
    name: "Shree Ganesh Telecom",
    registrationId: `aop-${700 + ++seq}`,
    address: "Shop 4, Marol Naka, Andheri East, Mumbai",
    pincode: "400059",
    latitude: "19.1086",
    longitude: "72.8799",
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe.each(testBackends)("outlets on %s", (backend) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let actor: Actor;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    prisma = db.prisma;
    const admin = await prisma.user.create({ data: { username: "outlet-admin", name: "Admin", role: "ADMIN", passwordHash: "x" } });
    actor = { id: admin.id, username: admin.username };
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates an outlet with its RegistrationID in capitals, audited", async () => {
    const values = outletValues({ registrationId: " aop-554 " });
    expect(values.registrationId).toBe("AOP-554");
    const { id } = await createOutlet(prisma, actor, values);
    const [row] = (await listOutlets(prisma)).filter((o) => o.id === id);
    expect(row).toMatchObject({ registrationId: "AOP-554", pincode: "400059", latitude: "19.108600", longitude: "72.879900", active: true, userCount: 0 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "outlet.created", targetId: id } });
    expect(event).toMatchObject({ actorId: actor.id, targetType: "outlet" });
    expect(event.details).toMatchObject({ name: "Shree Ganesh Telecom", registrationId: "AOP-554" });
  });

  it("refuses a RegistrationID another outlet has, on create and on edit", async () => {
    const first = await createOutlet(prisma, actor, outletValues());
    const taken = (await prisma.outlet.findUniqueOrThrow({ where: { id: first.id } })).registrationId;
    expect(await refusal(createOutlet(prisma, actor, outletValues({ registrationId: taken.toLowerCase() })))).toMatchObject({
      field: "registrationId",
      message: "Another outlet has this RegistrationID.",
    });
    const second = await createOutlet(prisma, actor, outletValues());
    expect(await refusal(updateOutlet(prisma, actor, second.id, outletValues({ registrationId: taken })))).toMatchObject({ field: "registrationId" });
  });

  it("lets only one of two simultaneous creations with one RegistrationID through", async () => {
    const values = outletValues();
    const results = await Promise.allSettled([createOutlet(prisma, actor, values), createOutlet(prisma, actor, values)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ field: "registrationId" });
    expect(await prisma.outlet.count({ where: { registrationId: values.registrationId } })).toBe(1);
    // What a duplicate that slipped past the first check meets: the unique index, recognised as such.
    const duplicate = await prisma.outlet.create({ data: values }).catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it("edits the fields and audits each change from and to", async () => {
    const { id } = await createOutlet(prisma, actor, outletValues({ name: "Old Name" }));
    const changed = await updateOutlet(prisma, actor, id, outletValues({ name: "New Name", registrationId: "AOP-9001", pincode: "400601", latitude: "19.2183", longitude: "72.9781" }));
    expect(changed.sort()).toEqual(["latitude", "longitude", "name", "pincode", "registrationId"]);
    expect(await prisma.outlet.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "New Name", registrationId: "AOP-9001", pincode: "400601" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "outlet.updated", targetId: id } });
    expect(event.details).toMatchObject({ changes: { name: { from: "Old Name", to: "New Name" }, latitude: { from: "19.108600", to: "19.218300" }, pincode: { from: "400059", to: "400601" } } });

    // The same values again (with the location written differently) change nothing.
    expect(await updateOutlet(prisma, actor, id, outletValues({ name: "New Name", registrationId: "AOP-9001", pincode: "400601", latitude: "19.218300", longitude: "72.97810" }))).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { action: "outlet.updated", targetId: id } })).toBe(1);
  });

  it("deactivates and reactivates, audited, and offers only active outlets to new users", async () => {
    const { id } = await createOutlet(prisma, actor, outletValues({ name: "Closing Shop" }));
    expect(await setOutletActive(prisma, actor, id, false)).toEqual({ name: "Closing Shop", changed: true });
    expect(await prisma.outlet.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false });
    expect(await prisma.auditEvent.count({ where: { action: "outlet.deactivated", targetId: id } })).toBe(1);
    expect((await outletChoices(prisma)).map((o) => o.id)).not.toContain(id);
    // A user who already has it still sees it among the choices, marked inactive (the form says so).
    expect((await outletChoices(prisma, [id])).find((o) => o.id === id)).toMatchObject({ label: expect.stringMatching(/^Closing Shop \(AOP-\d+\)$/), active: false });

    expect(await setOutletActive(prisma, actor, id, false)).toEqual({ name: "Closing Shop", changed: false });
    await setOutletActive(prisma, actor, id, true);
    expect(await prisma.outlet.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
    expect(await prisma.auditEvent.count({ where: { action: "outlet.reactivated", targetId: id } })).toBe(1);
  });

  it("refuses to change an outlet that does not exist", async () => {
    const missing = "01900000-0000-7000-8000-000000000000";
    expect(await refusal(updateOutlet(prisma, actor, missing, outletValues()))).toMatchObject({ message: "That outlet no longer exists." });
    expect(await refusal(setOutletActive(prisma, actor, missing, false))).toBeInstanceOf(Refusal);
  });
});
