/**
 * The overview's figures for a range of local days. One definition of each figure, used by the page
 * and GET /api/reports/summary alike:
 * - gross: Σ order totals (Σ items[].sum) of payments whose `paid` time is in the range; a rebill with
 *   a new paid time counts again;
 * - refunds: Σ order totals of MoneyBacks, dated by their arrival; net = gross − refunds;
 * - prepayments received: Σ prepayment_sum of prepayments that arrived in the range;
 * - partner fees earned: Σ fees of payments in the range (prepayments earn nothing); reversed: Σ fees
 *   a MoneyBack in the range reversed;
 * - orders: created by JustClick's `created` time; prepaid / paid / refunded / cancelled by the date
 *   of the event that put the order in that state (an order paid twice in the range counts once).
 */
import type { PrismaClient } from "../generated/prisma/client";

import { dayBuckets, rangeInstants, type Day, type DayRange } from "../time";
import { bucketsCte, int } from "./sqlite";

export interface Summary {
  currency: string;
  from: Day;
  to: Day;
  orders: { created: number; prepaid: number; paid: number; refunded: number; cancelled: number };
  revenue: { gross: number; refunds: number; net: number };
  prepayments: { received: number };
  partnerFees: { earned: number; reversed: number };
}

export interface Shop {
  timeZone: string;
  currency: string;
}

export async function getSummary(prisma: PrismaClient, range: DayRange, shop: Shop): Promise<Summary> {
  const { start, end } = rangeInstants(range, shop.timeZone);
  const [s, e] = [start.getTime(), end.getTime()];
  const [events, created, fees] = await Promise.all([
    prisma.$queryRaw<{ kind: string; total: bigint | null; amount: bigint | null; orders: bigint }[]>`
      SELECT kind, SUM(orderTotal) AS total, SUM(amount) AS amount, COUNT(DISTINCT orderId) AS orders
      FROM "OrderEvent"
      WHERE kind IN ('PREPAID', 'PAID', 'MONEYBACK', 'CANCELLED') AND occurredAt >= ${s} AND occurredAt < ${e}
      GROUP BY kind`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "Order" WHERE createdAt >= ${s} AND createdAt < ${e}`,
    prisma.$queryRaw<{ earned: bigint | null; reversed: bigint | null }[]>`
      SELECT
        (SELECT SUM(amount) FROM "PartnerFee" WHERE earnedAt >= ${s} AND earnedAt < ${e}) AS earned,
        (SELECT SUM(amount) FROM "PartnerFee" WHERE reversedAt >= ${s} AND reversedAt < ${e}) AS reversed`,
  ]);
  const byKind = (kind: string) => events.find((r) => r.kind === kind);
  const gross = int(byKind("PAID")?.total);
  const refunds = int(byKind("MONEYBACK")?.total);
  return {
    currency: shop.currency,
    from: range.from,
    to: range.to,
    orders: {
      created: int(created[0]?.n),
      prepaid: int(byKind("PREPAID")?.orders),
      paid: int(byKind("PAID")?.orders),
      refunded: int(byKind("MONEYBACK")?.orders),
      cancelled: int(byKind("CANCELLED")?.orders),
    },
    revenue: { gross, refunds, net: gross - refunds },
    prepayments: { received: int(byKind("PREPAID")?.amount) },
    partnerFees: { earned: int(fees[0]?.earned), reversed: int(fees[0]?.reversed) },
  };
}

export interface DayRevenue {
  day: Day;
  gross: number;
  refunds: number;
}

/** Gross and refunds per local day of the range (days without any are 0), by the same definitions. */
export async function getRevenueByDay(prisma: PrismaClient, range: DayRange, shop: Shop): Promise<DayRevenue[]> {
  const buckets = dayBuckets(range, shop.timeZone).map((b) => ({ label: b.day, start: b.start, end: b.end }));
  const rows = await prisma.$queryRaw<{ day: string; gross: bigint | null; refunds: bigint | null }[]>`
    WITH ${bucketsCte(buckets)}
    SELECT b.label AS day,
      SUM(CASE WHEN e.kind = 'PAID' THEN e.orderTotal END) AS gross,
      SUM(CASE WHEN e.kind = 'MONEYBACK' THEN e.orderTotal END) AS refunds
    FROM buckets b
    LEFT JOIN "OrderEvent" e ON e.kind IN ('PAID', 'MONEYBACK') AND e.occurredAt >= b.start AND e.occurredAt < b."end"
    GROUP BY b.label
    ORDER BY b.label`;
  return rows.map((r) => ({ day: r.day, gross: int(r.gross), refunds: int(r.refunds) }));
}

