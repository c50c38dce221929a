import { afterAll, expect, it } from "vitest";
import { TEST_SECRET, useTempDatabase } from "../../lib/testing/temp-db";
import { fakeShop } from "./fake-shop";

const tmp = await useTempDatabase();
const { POST } = await import("../../app/api/hooks/route");
const { reader } = await import("../../lib/db");
afterAll(() => tmp.cleanup());

it("generates notifications of all five types that the hook applies, every one", async () => {
  const now = Math.floor(Date.UTC(2024, 6, 1) / 1000);
  const notifications = fakeShop({ orders: 80, days: 35, seed: 3, secret: TEST_SECRET, now });
  expect(new Set(notifications.map((n) => n.kind))).toEqual(new Set(["created", "prepaid", "paid", "moneyback", "cancel"]));
  for (const n of notifications) {
    const res = await POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body: n.body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect({ order: n.orderId, kind: n.kind, status: res.status }).toEqual({ order: n.orderId, kind: n.kind, status: 200 });
  }
  const prisma = reader();
  expect(await prisma.notification.count({ where: { verdict: "APPLIED" } })).toBe(notifications.length);
  expect(await prisma.order.count()).toBe(80);
  // same seed, same shop
  expect(fakeShop({ orders: 5, days: 35, seed: 3, secret: TEST_SECRET, now })).toEqual(notifications.filter((n) => Number(n.orderId) < 50000005));
  // Cyrillic names and partners of both levels are in there
  expect(await prisma.order.count({ where: { firstName: { in: ["Анна", "Иван", "Ольга", "Сергей", "Елена", "Дмитрий", "Мария", "Алексей", "Наталья", "Павел", "Юлия", "Артём"] } } })).toBe(80);
  expect(await prisma.partnerFee.count({ where: { level: 2 } })).toBeGreaterThan(0);
});
