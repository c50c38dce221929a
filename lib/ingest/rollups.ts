/**
 * The day totals (DayTotal, DayProductTotal) are kept by the store as events are applied, in the shop's
 * time zone. RollupState records that zone; when the shop's zone is not it (a changed SHOP_TIMEZONE, or
 * a database from before the totals), they are rebuilt from the events, in one transaction.
 */
import type Database from "better-sqlite3";
import { dayOf } from "../time";

export function ensureRollups(sqlite: Database.Database, timeZone: string): void {
  const row = sqlite.prepare(`SELECT timeZone FROM "RollupState" WHERE id = 1`).get() as { timeZone: string } | undefined;
  if (row?.timeZone !== timeZone) rebuildRollups(sqlite, timeZone);
}

/** Recomputes every day total from the events (seconds for a million orders; a maintenance step, not a report). */
export function rebuildRollups(sqlite: Database.Database, timeZone: string): void {
  sqlite
    .transaction(() => {
      sqlite.exec(`DELETE FROM "DayTotal"; DELETE FROM "DayProductTotal";`);
      const days = new Map<string, [number, number, number, number]>();
      for (const e of sqlite.prepare(`SELECT kind, occurredAt, orderTotal, amount, partnerFees FROM "OrderEvent"`).iterate() as Iterable<{
        kind: string;
        occurredAt: number;
        orderTotal: number;
        amount: number | null;
        partnerFees: number;
      }>) {
        const key = `${dayOf(new Date(e.occurredAt), timeZone)}|${e.kind}`;
        const t = days.get(key) ?? [0, 0, 0, 0];
        t[0] += 1;
        t[1] += e.orderTotal;
        t[2] += e.amount ?? 0;
        t[3] += e.partnerFees;
        days.set(key, t);
      }
      const addDay = sqlite.prepare(`INSERT INTO "DayTotal" (day, kind, events, orderTotal, amount, partnerFees) VALUES (?, ?, ?, ?, ?, ?)`);
      for (const [key, t] of days) addDay.run(...key.split("|"), ...t);

      const products = new Map<string, { title: string | null; items: number; sum: number; discount: number }>();
      for (const i of sqlite.prepare(`SELECT kind, occurredAt, productId, title, sum, price FROM "SoldItem" ORDER BY eventId`).iterate() as Iterable<{
        kind: string;
        occurredAt: number;
        productId: string | null;
        title: string | null;
        sum: number;
        price: number | null;
      }>) {
        const key = `${dayOf(new Date(i.occurredAt), timeZone)}|${i.kind}|${i.productId ?? ""}`;
        const t = products.get(key) ?? { title: null, items: 0, sum: 0, discount: 0 };
        t.title = i.title ?? t.title;
        t.items += 1;
        t.sum += i.sum;
        t.discount += i.price !== null && i.price > i.sum ? i.price - i.sum : 0;
        products.set(key, t);
      }
      const addProduct = sqlite.prepare(`INSERT INTO "DayProductTotal" (day, kind, productId, title, items, sum, discount) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      for (const [key, t] of products) {
        const [day, kind, ...rest] = key.split("|");
        addProduct.run(day, kind, rest.join("|"), t.title, t.items, t.sum, t.discount);
      }
      sqlite.prepare(`INSERT INTO "RollupState" (id, timeZone) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET timeZone = excluded.timeZone`).run(timeZone);
    })
    .immediate();
}
