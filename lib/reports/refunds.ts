/**
 * The refunds report: MoneyBacks received in the range (JustClick refunds whole orders), their amount,
 * the refund rate (MoneyBacks ÷ payments in the same period), by period and by product, and the refunded
 * orders with the days from payment to refund.
 */
import { Prisma } from "../generated/prisma/client";
import { rangeInstants, type DayRange, type Grouping } from "../time";
import type { ReportPeriod } from "./range";
import { eventTotals, revenueByProduct, revenueSeries, type Shop } from "./revenue";
import { query } from "./sqlite";

const DAY_MS = 86_400_000;

export interface RefundTotals {
  refunds: number;
  amount: number;
  payments: number;
  /** refunds ÷ payments, in basis points (1 % = 100) so it stays an integer */
  rateBp: number;
  medianDaysToRefund: number | null;
  averageDaysToRefund: number | null;
}

const rateBp = (part: number, whole: number) => (whole ? Math.round((part * 10_000) / whole) : 0);

export async function refundTotals(range: DayRange, timeZone: string): Promise<RefundTotals> {
  const { start, end } = rangeInstants(range, timeZone);
  const [s, e] = [start.getTime(), end.getTime()];
  const [t, [days]] = await Promise.all([
    eventTotals(range),
    // days from the order's first payment to its MoneyBack (one per order: Order.refundedAt is its arrival),
    // for refunds of orders we saw paid; the (refundedAt, paidAt) index alone serves both passes
    query<{ n: number; average: number | null; median: number | null }>(Prisma.sql`
      WITH d AS (SELECT MAX(refundedAt - paidAt, 0) / 86400000.0 AS days FROM "Order" WHERE refundedAt >= ${s} AND refundedAt < ${e} AND paidAt IS NOT NULL),
      t AS (SELECT COUNT(*) AS n, AVG(days) AS average FROM d)
      SELECT t.n AS n, t.average AS average, (SELECT days FROM d ORDER BY days LIMIT 1 OFFSET (SELECT (n - 1) / 2 FROM t)) AS median FROM t`),
  ]);
  const round1 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
  return {
    refunds: t.refundCount,
    amount: t.refunds,
    payments: t.payments,
    rateBp: rateBp(t.refundCount, t.payments),
    medianDaysToRefund: days?.n ? round1(days.median) : null,
    averageDaysToRefund: days?.n ? round1(days.average) : null,
  };
}

export interface RefundedOrder {
  orderId: string;
  refundedAt: Date;
  paidAt: Date | null;
  daysToRefund: number | null;
  amount: number;
  name: string;
  email: string | null;
}

/** The refunded orders, latest refund first, a page at a time (cursor: the last row's refund time and id). */
export async function refundedOrders(range: DayRange, timeZone: string, page: { after?: { at: number; id: string }; limit: number }): Promise<RefundedOrder[]> {
  const { start, end } = rangeInstants(range, timeZone);
  const rows = await query<{ orderId: string; refundedAt: number; paidAt: number | null; amount: number; firstName: string | null; lastName: string | null; email: string | null }>(Prisma.sql`
    SELECT e.orderId AS orderId, e.occurredAt AS refundedAt, o.paidAt AS paidAt, e.orderTotal AS amount, o.firstName AS firstName, o.lastName AS lastName, o.email AS email
    FROM "OrderEvent" e JOIN "Order" o ON o.id = e.orderId
    WHERE e.kind = 'MONEYBACK' AND e.occurredAt >= ${start.getTime()} AND e.occurredAt < ${end.getTime()}
      ${page.after ? Prisma.sql`AND (e.occurredAt < ${page.after.at} OR (e.occurredAt = ${page.after.at} AND e.orderId < ${page.after.id}))` : Prisma.empty}
    ORDER BY e.occurredAt DESC, e.orderId DESC
    LIMIT ${page.limit}`);
  return rows.map((r) => ({
    orderId: r.orderId,
    refundedAt: new Date(r.refundedAt),
    paidAt: r.paidAt === null ? null : new Date(r.paidAt),
    daysToRefund: r.paidAt === null ? null : Math.round((Math.max(r.refundedAt - r.paidAt, 0) / DAY_MS) * 10) / 10,
    amount: r.amount,
    name: [r.firstName, r.lastName].filter(Boolean).join(" "),
    email: r.email,
  }));
}

export interface RefundReport {
  currency: string;
  from: string;
  to: string;
  grouping: Grouping;
  totals: RefundTotals;
  previous: { from: string; to: string; totals: RefundTotals } | null;
  series: { label: string; refunds: number; amount: number; payments: number; rateBp: number }[];
  products: { productId: string | null; title: string | null; refunded: number; amount: number; sold: number; rateBp: number }[];
  orders: RefundedOrder[];
}

export async function getRefundReport(p: ReportPeriod, shop: Shop, limit = 50): Promise<RefundReport> {
  const [totals, previous, series, products, orders] = await Promise.all([
    refundTotals(p.range, shop.timeZone),
    p.previous ? refundTotals(p.previous, shop.timeZone) : null,
    revenueSeries(p.range, p.grouping),
    revenueByProduct(p.range),
    refundedOrders(p.range, shop.timeZone, { limit }),
  ]);
  return {
    currency: shop.currency,
    from: p.range.from,
    to: p.range.to,
    grouping: p.grouping,
    totals,
    previous: p.previous && previous ? { ...p.previous, totals: previous } : null,
    series: series.map((s) => ({ label: s.label, refunds: s.refundCount, amount: s.refunds, payments: s.payments, rateBp: rateBp(s.refundCount, s.payments) })),
    products: products
      .filter((x) => x.refunded > 0)
      .map((x) => ({ productId: x.productId, title: x.title, refunded: x.refunded, amount: x.refunds, sold: x.sold, rateBp: rateBp(x.refunded, x.sold) }))
      .sort((a, b) => b.amount - a.amount),
    orders,
  };
}
