import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "../db";
import { migrateDatabase } from "./migrate";
import { pendingSchemaChanges } from "./schema-engine";

// The WebAssembly schema engine is an internal Prisma API: this proves, on every run, that it still
// migrates a fresh database to exactly schema.prisma and that every model works on the result.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jc-migrate-"));
const url = `file:${path.join(dir, "fresh.db")}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("migrates a fresh database to the schema, once", async () => {
  const applied = await migrateDatabase(url);
  expect(applied.length).toBeGreaterThan(0);
  expect(await migrateDatabase(url)).toEqual([]);
  expect(await pendingSchemaChanges(url)).toBe("");
});

it("lets Prisma use every model on the migrated database", async () => {
  const prisma = createPrismaClient(url);
  const notification = await prisma.notification.create({ data: { body: Buffer.from("id=1"), verdict: "APPLIED", kind: "PAID", orderId: "1" } });
  await prisma.order.create({
    data: {
      id: "1",
      status: "PAID",
      total: 100,
      snapshotKind: "PAID",
      paidAt: new Date(1718000000000),
      items: { create: [{ position: 0, productId: "p", title: "Курс", sum: 100, price: 120 }] },
      events: { create: [{ kind: "PAID", dedupeKey: "paid:1718000000", occurredAt: new Date(1718000000000), amount: 100, orderTotal: 100, fingerprint: "{}", notificationId: notification.id }] },
    },
  });
  const event = await prisma.orderEvent.findFirstOrThrow();
  await prisma.partner.create({ data: { id: "9", login: "p9" } });
  await prisma.partnerFee.create({ data: { eventId: event.id, orderId: "1", itemPosition: 0, productId: "p", itemSum: 100, partnerId: "9", level: 1, amount: 10, earnedAt: new Date(1718000000000) } });
  await prisma.user.create({ data: { email: "a@b.c", passwordHash: "x" } });

  const order = await prisma.order.findUniqueOrThrow({ where: { id: "1" }, include: { items: true, events: { include: { notification: true, partnerFeeLines: { include: { partner: true } } } } } });
  expect(order.items[0]!.title).toBe("Курс");
  expect(order.paidAt).toEqual(new Date(1718000000000));
  expect(order.events[0]!.partnerFeeLines[0]!.partner.login).toBe("p9");
  expect(Buffer.from(order.events[0]!.notification.body).toString()).toBe("id=1");
  expect(await prisma.user.count()).toBe(1);
  await prisma.$disconnect();
});
