/**
 * Every write the ingest path makes, as prepared statements on the write connection (see lib/db.ts
 * for why not Prisma here). Column names and types follow prisma/schema.prisma; DateTime values are
 * Unix milliseconds, booleans 0/1. Nothing here decides anything: lib/ingest/apply.ts does.
 */
import type Database from "better-sqlite3";
import type { EventKind, OrderStatus, Verdict } from "../generated/prisma/enums";
import { dayOf } from "../time";
import type { Milestones } from "./order-state";
import { applyUtmChange, ensureRollups, UPSERT_UTM_TOTAL, utmContribution, type UtmContribution, type UtmEvent, type UtmOrder } from "./rollups";

const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
const date = (v: number | null) => (v === null ? null : new Date(v));

export interface NotificationUpdate {
  kind: EventKind | null;
  orderId: string | null;
  verdict: Verdict;
  reason: string | null;
  signature: string | null;
}

export interface OrderSnapshotRow {
  total: number;
  email: string | null;
  emailLower: string | null;
  search: string | null;
  firstName: string | null;
  lastName: string | null;
  middleName: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postalCode: string | null;
  address: string | null;
  comment: string | null;
  tag: string | null;
  coupon: string | null;
  domain: string | null;
  payway: string | null;
  paymentType: string | null;
  link: string | null;
  isRecurrent: boolean;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  snapshotKind: EventKind;
  snapshotAt: Date | null;
}

const SNAPSHOT_COLUMNS = [
  "total", "email", "emailLower", "search", "firstName", "lastName", "middleName", "phone", "country", "region", "city", "postalCode",
  "address", "comment", "tag", "coupon", "domain", "payway", "paymentType", "link", "isRecurrent",
  "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "snapshotKind", "snapshotAt",
] as const;
const STATE_COLUMNS = ["status", "createdAt", "firstPrepaidAt", "paidAt", "refundedAt", "cancelledAt"] as const;

/** What attribution reports read from an event: the order's UTM tags and coupon. */
export interface Attribution {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  coupon: string | null;
}

const ATTRIBUTION_COLUMNS = ["utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "coupon"] as const;

export interface OrderStateRow extends Milestones {
  snapshotKind: EventKind;
  snapshotAt: Date | null;
  attribution: Attribution;
}

export interface ItemRow {
  position: number;
  productId: string | null;
  title: string | null;
  sum: number;
  price: number | null;
  pincode: string | null;
}

export interface EventRow {
  orderId: string;
  attribution: Attribution;
  partnerFees: number;
  kind: EventKind;
  dedupeKey: string;
  occurredAt: Date;
  amount: number | null;
  orderTotal: number;
  fingerprint: string;
  possibleRepeat: boolean;
  notificationId: number;
}

export interface FeeRow {
  eventId: number;
  orderId: string;
  itemPosition: number;
  productId: string | null;
  itemSum: number;
  partnerId: string;
  level: number;
  amount: number;
  earnedAt: Date;
  reversedAt: Date | null;
}

function snapshotParams(s: OrderSnapshotRow) {
  return SNAPSHOT_COLUMNS.map((c) => (c === "isRecurrent" ? (s.isRecurrent ? 1 : 0) : c === "snapshotAt" ? ms(s.snapshotAt) : s[c]));
}

function stateParams(status: OrderStatus, m: Milestones) {
  return [status, ms(m.createdAt), ms(m.firstPrepaidAt), ms(m.paidAt), ms(m.refundedAt), ms(m.cancelledAt)];
}

const q = (name: string) => `"${name}"`;

export class IngestStore {
  private readonly s;

  /** `timeZone`: the shop's, which the day totals are kept in (see lib/ingest/rollups.ts). */
  constructor(
    readonly sqlite: Database.Database,
    readonly timeZone: string,
  ) {
    const p = (sql: string) => sqlite.prepare(sql);
    const allOrderColumns = ["id", ...SNAPSHOT_COLUMNS, ...STATE_COLUMNS, "firstSeenAt", "updatedAt"];
    this.s = {
      insertNotification: p(
        `INSERT INTO "Notification" (receivedAt, body, contentType, query, verdict, reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      updateNotification: p(`UPDATE "Notification" SET kind = ?, orderId = ?, verdict = ?, reason = ?, signature = ? WHERE id = ?`),
      markNotApplied: p(`UPDATE "Notification" SET verdict = 'RECEIVED', reason = ? WHERE id = ?`),
      storedNotification: p(`SELECT id, receivedAt, body, contentType, query, verdict, orderId FROM "Notification" WHERE id = ?`),
      rejectedIds: p(`SELECT id FROM "Notification" WHERE verdict = 'REJECTED' AND receivedAt >= ? AND receivedAt < ? AND id > ? ORDER BY id LIMIT ?`),
      appliedTwin: p(`SELECT id, kind FROM "Notification" WHERE orderId = ? AND id <> ? AND verdict = 'APPLIED' AND body = ? LIMIT 1`),
      findEvent: p(`SELECT fingerprint, amount, orderTotal FROM "OrderEvent" WHERE orderId = ? AND dedupeKey = ?`),
      sumPrepayments: p(`SELECT coalesce(sum(amount), 0) AS total FROM "OrderEvent" WHERE orderId = ? AND kind = 'PREPAID'`),
      countEventsWithKeyPrefix: p(`SELECT count(*) AS n FROM "OrderEvent" WHERE orderId = ? AND substr(dedupeKey, 1, ?) = ?`),
      findOrder: p(
        `SELECT snapshotKind, snapshotAt, createdAt, firstPrepaidAt, paidAt, refundedAt, cancelledAt, ${ATTRIBUTION_COLUMNS.map(q).join(", ")} FROM "Order" WHERE id = ?`,
      ),
      addPrepaid: p(`UPDATE "Order" SET prepaidTotal = prepaidTotal + ? WHERE id = ?`),
      syncAttribution: p(`UPDATE "OrderEvent" SET ${ATTRIBUTION_COLUMNS.map((c) => `${q(c)} = ?`).join(", ")} WHERE orderId = ?`),
      insertSoldItem: p(
        `INSERT INTO "SoldItem" (eventId, position, kind, occurredAt, orderId, productId, title, sum, price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      feesTakenBack: p(
        `SELECT coalesce(sum(CASE WHEN kind = 'FEE' AND reversedAt = @at THEN amount WHEN kind = 'CLAWBACK' AND earnedAt = @at THEN -amount END), 0) AS total
         FROM "PartnerFee" WHERE orderId = @orderId`,
      ),
      addMoneybackFees: p(`UPDATE "OrderEvent" SET partnerFees = partnerFees + ? WHERE orderId = ? AND kind = 'MONEYBACK'`),
      setEventFees: p(`UPDATE "OrderEvent" SET partnerFees = ? WHERE id = ?`),
      insertOrder: p(`INSERT INTO "Order" (${allOrderColumns.map(q).join(", ")}) VALUES (${allOrderColumns.map(() => "?").join(", ")})`),
      updateOrderState: p(`UPDATE "Order" SET ${STATE_COLUMNS.map((c) => `${q(c)} = ?`).join(", ")}, updatedAt = ? WHERE id = ?`),
      updateOrderSnapshot: p(`UPDATE "Order" SET ${SNAPSHOT_COLUMNS.map((c) => `${q(c)} = ?`).join(", ")} WHERE id = ?`),
      deleteItems: p(`DELETE FROM "OrderItem" WHERE orderId = ?`),
      insertItem: p(`INSERT INTO "OrderItem" (orderId, position, productId, title, sum, price, pincode) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertEvent: p(
        `INSERT INTO "OrderEvent" (orderId, kind, dedupeKey, occurredAt, amount, orderTotal, fingerprint, possibleRepeat, notificationId, partnerFees, ${ATTRIBUTION_COLUMNS.map(q).join(", ")})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      // a notification without partner_name neither blanks nor replaces a login we know
      upsertPartner: p(
        `INSERT INTO "Partner" (id, login, firstSeenAt) VALUES (?, coalesce(?, ?), ?) ON CONFLICT (id) DO UPDATE SET login = coalesce(?, login)`,
      ),
      insertFee: p(
        `INSERT INTO "PartnerFee" (eventId, orderId, itemPosition, productId, itemSum, partnerId, level, amount, earnedAt, reversedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      reverseUnpaidFees: p(
        `UPDATE "PartnerFee" SET reversedAt = ? WHERE orderId = ? AND kind = 'FEE' AND payoutId IS NULL AND reversedAt IS NULL AND earnedAt <= ?`,
      ),
      clawBackPaidFees: p(
        `INSERT INTO "PartnerFee" (kind, eventId, orderId, itemPosition, productId, itemSum, partnerId, level, amount, earnedAt, clawbackOfId)
         SELECT 'CLAWBACK', eventId, orderId, itemPosition, productId, itemSum, partnerId, level, -amount, ?, id FROM "PartnerFee"
         WHERE orderId = ? AND kind = 'FEE' AND payoutId IS NOT NULL AND reversedAt IS NULL AND earnedAt <= ?
         ON CONFLICT (clawbackOfId) DO NOTHING`,
      ),
      addDayTotal: p(
        `INSERT INTO "DayTotal" (day, kind, events, orderTotal, amount, partnerFees, flagged, flaggedAmount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (day, kind) DO UPDATE SET events = events + excluded.events, orderTotal = orderTotal + excluded.orderTotal,
           amount = amount + excluded.amount, partnerFees = partnerFees + excluded.partnerFees,
           flagged = flagged + excluded.flagged, flaggedAmount = flaggedAmount + excluded.flaggedAmount`,
      ),
      utmOrder: p(`SELECT utmSource, utmMedium, utmCampaign, utmContent, utmTerm, createdAt, paidAt FROM "Order" WHERE id = ?`),
      utmEvents: p(`SELECT kind, occurredAt, orderTotal, partnerFees FROM "OrderEvent" WHERE orderId = ? AND kind IN ('PAID', 'MONEYBACK')`),
      upsertUtmTotal: p(UPSERT_UTM_TOTAL),
      addDayProduct: p(
        `INSERT INTO "DayProductTotal" (day, kind, productId, title, items, sum, discount) VALUES (?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (day, kind, productId) DO UPDATE SET items = items + 1, sum = sum + excluded.sum, discount = discount + excluded.discount,
           title = coalesce(excluded.title, title)`,
      ),
      moneyback: p(`SELECT id, occurredAt FROM "OrderEvent" WHERE orderId = ? AND kind = 'MONEYBACK'`),
    };
  }

  /** Runs `fn` in one transaction (BEGIN IMMEDIATE: take the write lock up front, never upgrade later). */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  /** Runs `fn` in a savepoint of the open transaction: if it throws, only its changes are undone. */
  savepoint<T>(fn: () => T): T {
    return this.sqlite.transaction(fn)();
  }

  insertNotification(n: { receivedAt: Date; body: Uint8Array; contentType: string | null; query: string | null; verdict: Verdict; reason: string | null }): number {
    const body = Buffer.from(n.body.buffer, n.body.byteOffset, n.body.byteLength);
    const row = this.s.insertNotification.get(ms(n.receivedAt), body, n.contentType, n.query, n.verdict, n.reason) as { id: number };
    return row.id;
  }

  updateNotification(id: number, u: NotificationUpdate): void {
    this.s.updateNotification.run(u.kind, u.orderId, u.verdict, u.reason, u.signature, id);
  }

  storedNotification(id: number): { id: number; receivedAt: Date; body: Uint8Array; contentType: string | null; query: string | null; verdict: Verdict; orderId: string | null } | null {
    const r = this.s.storedNotification.get(id) as { id: number; receivedAt: number; body: Buffer; contentType: string | null; query: string | null; verdict: Verdict; orderId: string | null } | undefined;
    return r ? { ...r, receivedAt: new Date(r.receivedAt) } : null;
  }

  /** Deliveries refused for their signature that arrived in [start, end), oldest first, after id `afterId`. */
  rejectedIds(start: Date, end: Date, afterId: number, limit: number): number[] {
    return (this.s.rejectedIds.all(start.getTime(), end.getTime(), afterId, limit) as { id: number }[]).map((r) => r.id);
  }

  /** An applied delivery for the same order with exactly the same body, if there is one. */
  appliedTwin(orderId: string, id: number, body: Uint8Array): { id: number; kind: EventKind | null } | undefined {
    return this.s.appliedTwin.get(orderId, id, body) as { id: number; kind: EventKind | null } | undefined;
  }

  /** The delivery stays in the log as received, with why it was not applied. */
  markNotApplied(id: number, reason: string): void {
    this.s.markNotApplied.run(reason, id);
  }

  findEvent(orderId: string, dedupeKey: string): { fingerprint: string; amount: number | null; orderTotal: number } | undefined {
    return this.s.findEvent.get(orderId, dedupeKey) as { fingerprint: string; amount: number | null; orderTotal: number } | undefined;
  }

  countEventsWithKeyPrefix(orderId: string, prefix: string): number {
    return (this.s.countEventsWithKeyPrefix.get(orderId, prefix.length, prefix) as { n: number }).n;
  }

  sumPrepayments(orderId: string): number {
    return (this.s.sumPrepayments.get(orderId) as { total: number }).total;
  }

  findOrder(id: string): OrderStateRow | null {
    const r = this.s.findOrder.get(id) as Record<string, number | null | string> | undefined;
    if (!r) return null;
    return {
      attribution: Object.fromEntries(ATTRIBUTION_COLUMNS.map((c) => [c, r[c] ?? null])) as unknown as Attribution,
      snapshotKind: r.snapshotKind as EventKind,
      snapshotAt: date(r.snapshotAt as number | null),
      createdAt: date(r.createdAt as number | null),
      firstPrepaidAt: date(r.firstPrepaidAt as number | null),
      paidAt: date(r.paidAt as number | null),
      refundedAt: date(r.refundedAt as number | null),
      cancelledAt: date(r.cancelledAt as number | null),
    };
  }

  insertOrder(id: string, snapshot: OrderSnapshotRow, status: OrderStatus, m: Milestones, now: Date): void {
    this.s.insertOrder.run(id, ...snapshotParams(snapshot), ...stateParams(status, m), ms(now), ms(now));
  }

  updateOrderState(id: string, status: OrderStatus, m: Milestones, now: Date): void {
    this.s.updateOrderState.run(...stateParams(status, m), ms(now), id);
  }

  updateOrderSnapshot(id: string, snapshot: OrderSnapshotRow): void {
    this.s.updateOrderSnapshot.run(...snapshotParams(snapshot), id);
  }

  replaceItems(orderId: string, items: ItemRow[]): void {
    this.s.deleteItems.run(orderId);
    for (const i of items) this.s.insertItem.run(orderId, i.position, i.productId, i.title, i.sum, i.price, i.pincode);
  }

  /** Inserts the event and adds it to its day's totals. */
  insertEvent(e: EventRow): number {
    const row = this.s.insertEvent.get(
      e.orderId, e.kind, e.dedupeKey, ms(e.occurredAt), e.amount, e.orderTotal, e.fingerprint, e.possibleRepeat ? 1 : 0, e.notificationId,
      e.partnerFees, ...ATTRIBUTION_COLUMNS.map((c) => e.attribution[c]),
    ) as { id: number };
    const flagged = e.possibleRepeat ? 1 : 0;
    this.s.addDayTotal.run(dayOf(e.occurredAt, this.timeZone), e.kind, 1, e.orderTotal, e.amount ?? 0, e.partnerFees, flagged, flagged * (e.amount ?? 0));
    return row.id;
  }

  addPrepaid(orderId: string, amount: number): void {
    this.s.addPrepaid.run(amount, orderId);
  }

  /** Copies the order's (new) UTM tags and coupon onto all its events. */
  syncAttribution(orderId: string, a: Attribution): void {
    this.s.syncAttribution.run(...ATTRIBUTION_COLUMNS.map((c) => a[c]), orderId);
  }

  /** Records an item of a PAID or MONEYBACK event and adds it to its day's product totals. */
  insertSoldItem(eventId: number, kind: EventKind, occurredAt: Date, orderId: string, i: ItemRow): void {
    this.s.insertSoldItem.run(eventId, i.position, kind, ms(occurredAt), orderId, i.productId, i.title, i.sum, i.price);
    const discount = i.price !== null && i.price > i.sum ? i.price - i.sum : 0;
    this.s.addDayProduct.run(dayOf(occurredAt, this.timeZone), kind, i.productId ?? "", i.title, i.sum, discount);
  }

  /** What a MoneyBack at `at` took back from the order's partners: fees it reversed plus clawbacks it added. */
  feesTakenBack(orderId: string, at: Date): number {
    return (this.s.feesTakenBack.get({ orderId, at: ms(at) }) as { total: number }).total;
  }

  /** Sets what a MoneyBack took back from partners (it was inserted with 0), in its day's totals too. */
  setMoneybackFees(eventId: number, occurredAt: Date, amount: number): void {
    this.s.setEventFees.run(amount, eventId);
    this.s.addDayTotal.run(dayOf(occurredAt, this.timeZone), "MONEYBACK", 0, 0, 0, amount, 0, 0);
  }

  /** The order's share of the UTM day totals as it stands (see lib/ingest/rollups.ts). */
  utmContribution(orderId: string): UtmContribution {
    const order = this.s.utmOrder.get(orderId) as UtmOrder | undefined;
    return utmContribution(order ?? null, order ? (this.s.utmEvents.all(orderId) as UtmEvent[]) : [], this.timeZone);
  }

  /** Moves the UTM day totals from an order's earlier contribution to its current one. */
  updateUtmTotals(before: UtmContribution, after: UtmContribution): void {
    applyUtmChange(this.s.upsertUtmTotal, before, after);
  }

  /** A payment that arrives after its MoneyBack: the refund took its fees back too. */
  addMoneybackFees(orderId: string, amount: number): void {
    const mb = this.s.moneyback.get(orderId) as { id: number; occurredAt: number } | undefined;
    if (!mb) return;
    this.s.addMoneybackFees.run(amount, orderId);
    this.s.addDayTotal.run(dayOf(new Date(mb.occurredAt), this.timeZone), "MONEYBACK", 0, 0, 0, amount, 0, 0);
  }

  upsertPartner(id: string, login: string | null, now: Date): void {
    this.s.upsertPartner.run(id, login, id, ms(now), login);
  }

  insertFee(f: FeeRow): void {
    this.s.insertFee.run(f.eventId, f.orderId, f.itemPosition, f.productId, f.itemSum, f.partnerId, f.level, f.amount, ms(f.earnedAt), ms(f.reversedAt));
  }

  /** Reverses the order's fees earned up to `at` that are neither paid out nor reversed yet. */
  reverseUnpaidFees(orderId: string, at: Date): void {
    this.s.reverseUnpaidFees.run(ms(at), orderId, ms(at));
  }

  /** Adds a negative clawback line, dated `at`, for each of the order's paid-out fees earned up to `at`. */
  clawBackPaidFees(orderId: string, at: Date): void {
    this.s.clawBackPaidFees.run(ms(at), orderId, ms(at));
  }

  settings(): ShopSettingsRow {
    return readSettings(this.sqlite);
  }
}

export interface ShopSettingsRow {
  refundsReverseFees: boolean;
  feeHoldDays: number;
}

/** What a shop that never opened the settings page gets (the schema's defaults). */
export const DEFAULT_SETTINGS: ShopSettingsRow = { refundsReverseFees: true, feeHoldDays: 0 };

const settingsStatements = new WeakMap<Database.Database, Database.Statement>();

export function readSettings(sqlite: Database.Database): ShopSettingsRow {
  let st = settingsStatements.get(sqlite);
  if (!st) {
    st = sqlite.prepare(`SELECT refundsReverseFees, feeHoldDays FROM "ShopSettings" WHERE id = 1`);
    settingsStatements.set(sqlite, st);
  }
  const row = st.get() as { refundsReverseFees: number; feeHoldDays: number } | undefined;
  return row ? { refundsReverseFees: row.refundsReverseFees === 1, feeHoldDays: row.feeHoldDays } : DEFAULT_SETTINGS;
}

const stores = new WeakMap<Database.Database, IngestStore>();

/** The store for a connection, its statements prepared once; its day totals brought to `timeZone` first. */
export function ingestStore(sqlite: Database.Database, timeZone: string): IngestStore {
  let store = stores.get(sqlite);
  if (!store || store.timeZone !== timeZone) {
    ensureRollups(sqlite, timeZone);
    store = new IngestStore(sqlite, timeZone);
    stores.set(sqlite, store);
  }
  return store;
}
