/**
 * The day totals (DayTotal, DayProductTotal, DayUtmTotal) are kept by the store as events are applied, in
 * the shop's time zone. RollupState records that zone and the totals' version; when either is not the
 * current one (a changed SHOP_TIMEZONE, a new kind of total), they are rebuilt from the events, in one
 * transaction.
 */
import type Database from "better-sqlite3";
import { dayOf } from "../time";

/** One order's share of DayUtmTotal: [created, paid, gross, refunds, feesEarned, feesTakenBack] per day and tags. */
export type UtmContribution = Map<string, number[]>;

export interface UtmOrder {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  createdAt: number | null;
  paidAt: number | null;
}

export interface UtmEvent {
  kind: string;
  occurredAt: number;
  orderTotal: number;
  partnerFees: number;
}

const SEP = "\u0001";

/** What an order adds to the UTM day totals: its creation, its first payment, its payments' and refunds' money. */
export function utmContribution(order: UtmOrder | null, events: UtmEvent[], timeZone: string): UtmContribution {
  const out: UtmContribution = new Map();
  if (!order) return out;
  const tags = [order.utmSource, order.utmMedium, order.utmCampaign, order.utmContent, order.utmTerm].map((t) => t ?? "").join(SEP);
  const add = (at: number, i: number, v: number) => {
    const key = dayOf(new Date(at), timeZone) + SEP + tags;
    const row = out.get(key) ?? [0, 0, 0, 0, 0, 0];
    row[i]! += v;
    out.set(key, row);
  };
  if (order.createdAt !== null) add(order.createdAt, 0, 1);
  if (order.paidAt !== null) add(order.paidAt, 1, 1);
  for (const e of events) {
    if (e.kind === "PAID") {
      add(e.occurredAt, 2, e.orderTotal);
      add(e.occurredAt, 4, e.partnerFees);
    } else if (e.kind === "MONEYBACK") {
      add(e.occurredAt, 3, e.orderTotal);
      add(e.occurredAt, 5, e.partnerFees);
    }
  }
  return out;
}

/**
 * The tag sets DayUtmTotal is kept at, as bitmasks of UTM_TAGS (source 1, medium 2, campaign 4, content 8,
 * term 16), smallest first: every order counts once in each grain, under its tags masked to the grain's
 * ("" for the others). A report reads the first grain holding every tag it breaks down by or filters on, so
 * "by source" sums a few rows a day rather than every combination of campaign, content and term.
 */
export const UTM_GRAINS = [1, 3, 7, 8, 16, 31] as const;
export const UTM_TAGS = ["source", "medium", "campaign", "content", "term"] as const;

/** The first grain that holds all of `tags`. */
export function utmGrain(tags: readonly (typeof UTM_TAGS)[number][]): number {
  const used = tags.reduce((m, t) => m | (1 << UTM_TAGS.indexOf(t)), 0);
  return UTM_GRAINS.find((g) => (g & used) === used)!;
}

/** Writes `after − before` into DayUtmTotal, at every grain: only the rows whose numbers changed. */
export function applyUtmChange(upsert: Database.Statement, before: UtmContribution, after: UtmContribution): void {
  const deltas = new Map<string, number[]>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = after.get(key) ?? [0, 0, 0, 0, 0, 0];
    const b = before.get(key) ?? [0, 0, 0, 0, 0, 0];
    const d = a.map((v, i) => v - b[i]!);
    if (d.every((v) => v === 0)) continue;
    const [day, ...tags] = key.split(SEP);
    for (const grain of UTM_GRAINS) {
      const masked = [grain, day, ...tags.map((t, i) => (grain & (1 << i) ? t : ""))].join(SEP);
      const sum = deltas.get(masked);
      if (sum) d.forEach((v, i) => (sum[i]! += v));
      else deltas.set(masked, [...d]);
    }
  }
  for (const [key, d] of deltas) if (d.some((v) => v !== 0)) upsert.run(...key.split(SEP), ...d);
}

export const UPSERT_UTM_TOTAL = `INSERT INTO "DayUtmTotal" (grain, day, source, medium, campaign, content, term, created, paid, gross, refunds, feesEarned, feesTakenBack)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (grain, day, source, medium, campaign, content, term) DO UPDATE SET created = created + excluded.created, paid = paid + excluded.paid,
    gross = gross + excluded.gross, refunds = refunds + excluded.refunds, feesEarned = feesEarned + excluded.feesEarned,
    feesTakenBack = feesTakenBack + excluded.feesTakenBack`;

/**
 * What the day totals hold. Raise it with any change to them (a new table or column, another rule): a
 * database whose totals were built by another version rebuilds them at start, so totals added to an
 * existing shop never begin at zero under orders that already have events.
 */
export const ROLLUP_VERSION = 2;

/** Rebuilds the day totals when they are in another zone than the shop's, or of another version. */
export function ensureRollups(sqlite: Database.Database, timeZone: string): void {
  const row = sqlite.prepare(`SELECT timeZone, version FROM "RollupState" WHERE id = 1`).get() as { timeZone: string; version: number } | undefined;
  if (row?.timeZone !== timeZone || row.version !== ROLLUP_VERSION) rebuildRollups(sqlite, timeZone);
}

/** Recomputes every day total from the events (seconds for a million orders; a maintenance step, not a report). */
export function rebuildRollups(sqlite: Database.Database, timeZone: string): void {
  sqlite
    .transaction(() => {
      sqlite.exec(`DELETE FROM "DayTotal"; DELETE FROM "DayProductTotal"; DELETE FROM "DayUtmTotal";`);
      const days = new Map<string, [number, number, number, number, number, number]>();
      for (const e of sqlite.prepare(`SELECT kind, occurredAt, orderTotal, amount, partnerFees, possibleRepeat FROM "OrderEvent"`).iterate() as Iterable<{
        kind: string;
        occurredAt: number;
        orderTotal: number;
        amount: number | null;
        partnerFees: number;
        possibleRepeat: number;
      }>) {
        const key = `${dayOf(new Date(e.occurredAt), timeZone)}|${e.kind}`;
        const t = days.get(key) ?? [0, 0, 0, 0, 0, 0];
        t[0] += 1;
        t[1] += e.orderTotal;
        t[2] += e.amount ?? 0;
        t[3] += e.partnerFees;
        t[4] += e.possibleRepeat;
        t[5] += e.possibleRepeat ? (e.amount ?? 0) : 0;
        days.set(key, t);
      }
      const addDay = sqlite.prepare(`INSERT INTO "DayTotal" (day, kind, events, orderTotal, amount, partnerFees, flagged, flaggedAmount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
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
      // the UTM totals: every order's contribution, orders and their events read in id order together;
      // summed in memory first, since better-sqlite3 runs no statement while an iteration is open
      const utm: UtmContribution = new Map();
      const events = sqlite
        .prepare(`SELECT orderId, kind, occurredAt, orderTotal, partnerFees FROM "OrderEvent" WHERE kind IN ('PAID', 'MONEYBACK') ORDER BY orderId`)
        .iterate() as Iterator<UtmEvent & { orderId: string }>;
      let next = events.next();
      for (const o of sqlite
        .prepare(`SELECT id, utmSource, utmMedium, utmCampaign, utmContent, utmTerm, createdAt, paidAt FROM "Order" ORDER BY id`)
        .iterate() as Iterable<UtmOrder & { id: string }>) {
        const mine: UtmEvent[] = [];
        while (!next.done && next.value.orderId < o.id) next = events.next();
        while (!next.done && next.value.orderId === o.id) {
          mine.push(next.value);
          next = events.next();
        }
        for (const [key, add] of utmContribution(o, mine, timeZone)) {
          const row = utm.get(key);
          if (row) add.forEach((v, i) => (row[i]! += v));
          else utm.set(key, add);
        }
      }
      events.return?.();
      applyUtmChange(sqlite.prepare(UPSERT_UTM_TOTAL), new Map(), utm);
      sqlite
        .prepare(`INSERT INTO "RollupState" (id, timeZone, version) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET timeZone = excluded.timeZone, version = excluded.version`)
        .run(timeZone, ROLLUP_VERSION);
    })
    .immediate();
}
