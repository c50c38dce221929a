/**
 * The revenue report. Definitions, as in the summary: gross = Σ order totals of payments whose `paid`
 * time is in the range (a rebill counts again); refunds = Σ totals of MoneyBacks received in the range;
 * net = gross − refunds; cash received = prepayments received + last payments (`last_payment_sum`);
 * average order = gross ÷ payments; discounts = Σ (price − sum) of the items paid for; coupon use =
 * payments of orders with a coupon. Money sums come from the day totals (lib/ingest/rollups.ts).
 */
import { Prisma } from "../generated/prisma/client";
import { daySpans, rangeInstants, type DayRange, type Grouping } from "../time";
import type { ReportPeriod } from "./range";
import { int, query, spanLabelSql } from "./sqlite";

export interface Shop {
  timeZone: string;
  currency: string;
}

export interface EventTotals {
  gross: number;
  payments: number;
  lastPayments: number;
  prepayments: number;
  prepaymentCount: number;
  refunds: number;
  refundCount: number;
  feesEarnedOnPayments: number;
  feesTakenBack: number;
}

/** Sums of payments, prepayments and MoneyBacks over the range's days. */
export async function eventTotals(range: DayRange): Promise<EventTotals> {
  const [r] = await query<Record<keyof EventTotals, number | null>>(Prisma.sql`
    SELECT
      SUM(CASE WHEN kind = 'PAID' THEN orderTotal END) AS gross,
      SUM(CASE WHEN kind = 'PAID' THEN events END) AS payments,
      SUM(CASE WHEN kind = 'PAID' THEN amount END) AS lastPayments,
      SUM(CASE WHEN kind = 'PAID' THEN partnerFees END) AS feesEarnedOnPayments,
      SUM(CASE WHEN kind = 'PREPAID' THEN amount END) AS prepayments,
      SUM(CASE WHEN kind = 'PREPAID' THEN events END) AS prepaymentCount,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN orderTotal END) AS refunds,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN events END) AS refundCount,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN partnerFees END) AS feesTakenBack
    FROM "DayTotal"
    WHERE day >= ${range.from} AND day <= ${range.to}`);
  return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, int(v)])) as unknown as EventTotals;
}

/** Orders whose first payment falls in the range: "orders paid", as the summary counts them. */
export async function ordersPaid(range: DayRange, timeZone: string): Promise<number> {
  const { start, end } = rangeInstants(range, timeZone);
  const [r] = await query<{ n: number }>(Prisma.sql`SELECT COUNT(*) AS n FROM "Order" WHERE paidAt >= ${start.getTime()} AND paidAt < ${end.getTime()}`);
  return int(r?.n);
}

export interface RevenueTotals {
  gross: number;
  refunds: number;
  net: number;
  payments: number;
  ordersPaid: number;
  averageOrder: number;
  cashReceived: number;
  prepayments: number;
  lastPayments: number;
  discounts: number;
  couponPayments: number;
  couponGross: number;
}

export async function revenueTotals(range: DayRange, timeZone: string): Promise<RevenueTotals> {
  const { start, end } = rangeInstants(range, timeZone);
  const [t, paid, [discounts], [coupons]] = await Promise.all([
    eventTotals(range),
    ordersPaid(range, timeZone),
    query<{ total: number | null }>(Prisma.sql`
      SELECT SUM(discount) AS total FROM "DayProductTotal" WHERE kind = 'PAID' AND day >= ${range.from} AND day <= ${range.to}`),
    // coupons belong to orders and can follow a later notification: read from the events' index
    query<{ n: number; gross: number | null }>(Prisma.sql`
      SELECT COUNT(*) AS n, SUM(orderTotal) AS gross FROM "OrderEvent"
      WHERE kind = 'PAID' AND occurredAt >= ${start.getTime()} AND occurredAt < ${end.getTime()} AND coupon <> ''`),
  ]);
  return {
    gross: t.gross,
    refunds: t.refunds,
    net: t.gross - t.refunds,
    payments: t.payments,
    ordersPaid: paid,
    averageOrder: t.payments ? Math.round(t.gross / t.payments) : 0,
    cashReceived: t.prepayments + t.lastPayments,
    prepayments: t.prepayments,
    lastPayments: t.lastPayments,
    discounts: int(discounts?.total),
    couponPayments: int(coupons?.n),
    couponGross: int(coupons?.gross),
  };
}

export interface RevenuePoint {
  label: string;
  gross: number;
  refunds: number;
  net: number;
  cash: number;
  payments: number;
  refundCount: number;
}

/** Per day, week or month of the range (periods without money are zeros). */
export async function revenueSeries(range: DayRange, grouping: Grouping): Promise<RevenuePoint[]> {
  const rows = await query<Record<"label" | "gross" | "refunds" | "cash" | "payments" | "refundCount", number | string | null>>(Prisma.sql`
    SELECT ${spanLabelSql(grouping, range.from)} AS label,
      SUM(CASE WHEN kind = 'PAID' THEN orderTotal END) AS gross,
      SUM(CASE WHEN kind = 'PAID' THEN events END) AS payments,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN orderTotal END) AS refunds,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN events END) AS refundCount,
      SUM(CASE WHEN kind IN ('PAID', 'PREPAID') THEN amount END) AS cash
    FROM "DayTotal"
    WHERE day >= ${range.from} AND day <= ${range.to}
    GROUP BY 1`);
  const byLabel = new Map(rows.map((r) => [String(r.label), r]));
  // one point per period, money or not
  return daySpans(range, grouping).map(({ label }) => {
    const r = byLabel.get(label);
    return {
      label,
      gross: int(r?.gross),
      refunds: int(r?.refunds),
      net: int(r?.gross) - int(r?.refunds),
      cash: int(r?.cash),
      payments: int(r?.payments),
      refundCount: int(r?.refundCount),
    };
  });
}

export interface ProductRevenue {
  /** items[].id; null for items that had none */
  productId: string | null;
  title: string | null;
  sold: number;
  gross: number;
  discounts: number;
  refunded: number;
  refunds: number;
}

/** Per product (items[].id): items paid for, their sums and discounts, and MoneyBacks; biggest first. */
export async function revenueByProduct(range: DayRange): Promise<ProductRevenue[]> {
  const rows = await query<Record<keyof ProductRevenue, number | string | null>>(Prisma.sql`
    SELECT productId, MAX(title) AS title,
      SUM(CASE WHEN kind = 'PAID' THEN items END) AS sold,
      SUM(CASE WHEN kind = 'PAID' THEN sum END) AS gross,
      SUM(CASE WHEN kind = 'PAID' THEN discount END) AS discounts,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN items END) AS refunded,
      SUM(CASE WHEN kind = 'MONEYBACK' THEN sum END) AS refunds
    FROM "DayProductTotal"
    WHERE day >= ${range.from} AND day <= ${range.to}
    GROUP BY productId
    ORDER BY gross DESC, productId`);
  return rows.map((r) => ({
    productId: r.productId === "" ? null : (r.productId as string),
    title: r.title as string | null,
    sold: int(r.sold),
    gross: int(r.gross),
    discounts: int(r.discounts),
    refunded: int(r.refunded),
    refunds: int(r.refunds),
  }));
}

export interface RevenueReport {
  currency: string;
  from: string;
  to: string;
  grouping: Grouping;
  totals: RevenueTotals;
  previous: { from: string; to: string; totals: RevenueTotals } | null;
  series: RevenuePoint[];
  products: ProductRevenue[];
}

export async function getRevenueReport(p: ReportPeriod, shop: Shop): Promise<RevenueReport> {
  const [totals, previous, series, products] = await Promise.all([
    revenueTotals(p.range, shop.timeZone),
    p.previous ? revenueTotals(p.previous, shop.timeZone) : null,
    revenueSeries(p.range, p.grouping),
    revenueByProduct(p.range),
  ]);
  return {
    currency: shop.currency,
    from: p.range.from,
    to: p.range.to,
    grouping: p.grouping,
    totals,
    previous: p.previous && previous ? { ...p.previous, totals: previous } : null,
    series,
    products,
  };
}
