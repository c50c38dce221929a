/**
 * The prepayments report, for orders whose first prepayment arrived in the range: how many went on to
 * be paid (conversion) and how many days that took (median and distribution), what the unpaid ones still
 * owe and which they are (with the payment link JustClick sent), and which ended cancelled. Received =
 * Σ prepayments that arrived in the range, as in the summary.
 */
import { Prisma } from "../generated/prisma/client";
import { daySpans, rangeInstants, type DayRange, type Grouping } from "../time";
import type { ReportPeriod } from "./range";
import { eventTotals, type Shop } from "./revenue";
import { int, query, spanLabelSql } from "./sqlite";

/**
 * Days from the first prepayment to the payment, as the distribution's buckets: [from, to) days. A
 * prepayment is dated by its arrival, so one delivered after its payment counts as paid the same day.
 */
export const DAYS_TO_PAY_BUCKETS = [
  { label: "under 1 day", from: 0, to: 1 },
  { label: "1–3 days", from: 1, to: 3 },
  { label: "3–7 days", from: 3, to: 7 },
  { label: "7–14 days", from: 7, to: 14 },
  { label: "14–30 days", from: 14, to: 30 },
  { label: "30 days or more", from: 30, to: null },
] as const;

export interface PrepaymentTotals {
  received: number;
  prepayments: number;
  prepaidOrders: number;
  paid: number;
  /** paid ÷ prepaid orders, basis points */
  conversionBp: number;
  medianDaysToPay: number | null;
  outstandingOrders: number;
  outstanding: number;
  cancelledOrders: number;
  cancelledPrepaid: number;
}

export async function prepaymentTotals(range: DayRange, timeZone: string): Promise<PrepaymentTotals> {
  const { start, end } = rangeInstants(range, timeZone);
  const [s, e] = [start.getTime(), end.getTime()];
  const [money, [r]] = await Promise.all([
    eventTotals(range),
    // one pass over the (firstPrepaidAt, status, paidAt, total, prepaidTotal) index for the counts and sums,
    // one more over the paid ones for the median
    query<Record<string, number | null>>(Prisma.sql`
      WITH t AS (
        SELECT COUNT(*) AS prepaidOrders,
          COUNT(paidAt) AS paid,
          COUNT(CASE WHEN status = 'PREPAID' THEN 1 END) AS outstandingOrders,
          SUM(CASE WHEN status = 'PREPAID' THEN MAX(total - prepaidTotal, 0) END) AS outstanding,
          COUNT(CASE WHEN status = 'CANCELLED' THEN 1 END) AS cancelledOrders,
          SUM(CASE WHEN status = 'CANCELLED' THEN prepaidTotal END) AS cancelledPrepaid
        FROM "Order" WHERE firstPrepaidAt >= ${s} AND firstPrepaidAt < ${e}
      )
      SELECT t.*, (
        SELECT MAX(paidAt - firstPrepaidAt, 0) / 86400000.0 AS days FROM "Order"
        WHERE firstPrepaidAt >= ${s} AND firstPrepaidAt < ${e} AND paidAt IS NOT NULL
        ORDER BY days LIMIT 1 OFFSET (SELECT (paid - 1) / 2 FROM t)
      ) AS median FROM t`),
  ]);
  const prepaidOrders = int(r?.prepaidOrders);
  const paid = int(r?.paid);
  return {
    received: money.prepayments,
    prepayments: money.prepaymentCount,
    prepaidOrders,
    paid,
    conversionBp: prepaidOrders ? Math.round((paid * 10_000) / prepaidOrders) : 0,
    medianDaysToPay: paid && r?.median !== null && r?.median !== undefined ? Math.round(r.median * 10) / 10 : null,
    outstandingOrders: int(r?.outstandingOrders),
    outstanding: int(r?.outstanding),
    cancelledOrders: int(r?.cancelledOrders),
    cancelledPrepaid: int(r?.cancelledPrepaid),
  };
}

/** How many prepaid orders were paid within each bucket of days. */
export async function daysToPay(range: DayRange, timeZone: string): Promise<{ label: string; orders: number }[]> {
  const { start, end } = rangeInstants(range, timeZone);
  const cases = DAYS_TO_PAY_BUCKETS.map(
    (b, i) => Prisma.sql`COUNT(CASE WHEN days >= ${b.from} ${b.to === null ? Prisma.empty : Prisma.sql`AND days < ${b.to}`} THEN 1 END) AS ${Prisma.raw(`b${i}`)}`,
  );
  const [r] = await query<Record<string, number>>(Prisma.sql`
    SELECT ${Prisma.join(cases)} FROM (
      SELECT MAX(paidAt - firstPrepaidAt, 0) / 86400000.0 AS days FROM "Order"
      WHERE firstPrepaidAt >= ${start.getTime()} AND firstPrepaidAt < ${end.getTime()} AND paidAt IS NOT NULL
    )`);
  return DAYS_TO_PAY_BUCKETS.map((b, i) => ({ label: b.label, orders: int(r?.[`b${i}`]) }));
}

export interface OutstandingOrder {
  orderId: string;
  firstPrepaidAt: Date;
  total: number;
  prepaid: number;
  outstanding: number;
  link: string | null;
  /** Where the customer pays the rest: `link` made absolute on the shop's JustClick domain, or null. */
  paymentUrl: string | null;
  name: string;
  email: string | null;
}

/**
 * JustClick's payment link as a safe absolute URL: an http(s) link as it is, a relative one ("/bill/?id=…")
 * on the order's shop domain; anything else (another scheme, no domain to put it on) is not a link.
 */
export function paymentUrl(link: string | null, domain: string | null): string | null {
  if (!link) return null;
  try {
    if (/^https?:\/\//i.test(link)) return new URL(link).href;
    if (link.startsWith("/") && !link.startsWith("//") && domain && /^[a-z0-9.-]+$/i.test(domain)) return new URL(link, `https://${domain}`).href;
  } catch {
    // not a URL at all
  }
  return null;
}

/** Prepaid, not yet paid orders of the range, most owed first, a page at a time (offset: the list is short). */
export async function outstandingOrders(range: DayRange, timeZone: string, page: { offset: number; limit: number }): Promise<OutstandingOrder[]> {
  const { start, end } = rangeInstants(range, timeZone);
  const rows = await query<{ id: string; firstPrepaidAt: number; total: number; prepaidTotal: number; link: string | null; domain: string | null; firstName: string | null; lastName: string | null; email: string | null }>(Prisma.sql`
    SELECT id, firstPrepaidAt, total, prepaidTotal, link, domain, firstName, lastName, email FROM "Order"
    WHERE firstPrepaidAt >= ${start.getTime()} AND firstPrepaidAt < ${end.getTime()} AND status = 'PREPAID'
    ORDER BY total - prepaidTotal DESC, id
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.map((r) => ({
    orderId: r.id,
    firstPrepaidAt: new Date(r.firstPrepaidAt),
    total: r.total,
    prepaid: r.prepaidTotal,
    outstanding: Math.max(r.total - r.prepaidTotal, 0),
    link: r.link,
    paymentUrl: paymentUrl(r.link, r.domain),
    name: [r.firstName, r.lastName].filter(Boolean).join(" "),
    email: r.email,
  }));
}

/** Prepayments received per day, week or month of the range (periods without any are zeros). */
export async function prepaymentSeries(range: DayRange, grouping: Grouping): Promise<{ label: string; received: number; prepayments: number }[]> {
  const rows = await query<{ label: string; received: number | null; prepayments: number | null }>(Prisma.sql`
    SELECT ${spanLabelSql(grouping, range.from)} AS label, SUM(amount) AS received, SUM(events) AS prepayments
    FROM "DayTotal" WHERE kind = 'PREPAID' AND day >= ${range.from} AND day <= ${range.to}
    GROUP BY 1`);
  const byLabel = new Map(rows.map((r) => [String(r.label), r]));
  return daySpans(range, grouping).map(({ label }) => ({ label, received: int(byLabel.get(label)?.received), prepayments: int(byLabel.get(label)?.prepayments) }));
}

export interface PrepaymentReport {
  currency: string;
  from: string;
  to: string;
  grouping: Grouping;
  series: { label: string; received: number; prepayments: number }[];
  totals: PrepaymentTotals;
  previous: { from: string; to: string; totals: PrepaymentTotals } | null;
  daysToPay: { label: string; orders: number }[];
  outstanding: OutstandingOrder[];
}

export async function getPrepaymentReport(p: ReportPeriod, shop: Shop, limit = 50): Promise<PrepaymentReport> {
  const [totals, previous, series, distribution, outstanding] = await Promise.all([
    prepaymentTotals(p.range, shop.timeZone),
    p.previous ? prepaymentTotals(p.previous, shop.timeZone) : null,
    prepaymentSeries(p.range, p.grouping),
    daysToPay(p.range, shop.timeZone),
    outstandingOrders(p.range, shop.timeZone, { offset: 0, limit }),
  ]);
  return {
    currency: shop.currency,
    from: p.range.from,
    to: p.range.to,
    grouping: p.grouping,
    totals,
    previous: p.previous && previous ? { ...p.previous, totals: previous } : null,
    series,
    daysToPay: distribution,
    outstanding,
  };
}
