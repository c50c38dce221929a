/**
 * The overview's figures for a range of local days. One definition of each figure, used by the page
 * and GET /api/reports/summary alike:
 * - gross: Σ order totals (Σ items[].sum) of payments whose `paid` time is in the range; a rebill with
 *   a new paid time counts again;
 * - refunds: Σ order totals of MoneyBacks, dated by their arrival; net = gross − refunds;
 * - prepayments received: Σ prepayment_sum of prepayments that arrived in the range;
 * - partner fees earned: Σ fees of payments in the range (prepayments earn nothing); reversed: Σ fees
 *   a MoneyBack in the range took back, unpaid ones reversed and paid-out ones clawed back;
 * - orders: created by JustClick's `created` time; prepaid / paid / refunded / cancelled by the date
 *   of the event that put the order in that state: its first prepayment, its first payment (a rebill
 *   adds revenue, not a paid order), its MoneyBack, its cancellation (only if it stayed cancelled: a
 *   cancel after payment changes nothing).
 */
import { Prisma } from "../generated/prisma/client";
import { rangeInstants, type Day, type DayRange } from "../time";
import { eventTotals, revenueSeries, type Shop } from "./revenue";

export type { Shop };
import { int, query } from "./sqlite";

export interface Summary {
  currency: string;
  from: Day;
  to: Day;
  orders: { created: number; prepaid: number; paid: number; refunded: number; cancelled: number };
  revenue: { gross: number; refunds: number; net: number };
  prepayments: { received: number };
  partnerFees: { earned: number; reversed: number };
}

export async function getSummary(range: DayRange, shop: Shop): Promise<Summary> {
  const { start, end } = rangeInstants(range, shop.timeZone);
  const [s, e] = [start.getTime(), end.getTime()];
  const [money, orders, fees] = await Promise.all([
    eventTotals(range),
    query<Record<"created" | "prepaid" | "paid" | "refunded" | "cancelled", number>>(Prisma.sql`
      SELECT
        (SELECT COUNT(*) FROM "Order" WHERE createdAt >= ${s} AND createdAt < ${e}) AS created,
        (SELECT COUNT(*) FROM "Order" WHERE firstPrepaidAt >= ${s} AND firstPrepaidAt < ${e}) AS prepaid,
        (SELECT COUNT(*) FROM "Order" WHERE paidAt >= ${s} AND paidAt < ${e}) AS paid,
        (SELECT COUNT(*) FROM "Order" WHERE refundedAt >= ${s} AND refundedAt < ${e}) AS refunded,
        (SELECT COUNT(*) FROM "Order" WHERE cancelledAt >= ${s} AND cancelledAt < ${e} AND status = 'CANCELLED') AS cancelled`),
    query<{ earned: number | null; reversed: number | null }>(Prisma.sql`
      SELECT
        (SELECT SUM(amount) FROM "PartnerFee" WHERE kind = 'FEE' AND earnedAt >= ${s} AND earnedAt < ${e}) AS earned,
        coalesce((SELECT SUM(amount) FROM "PartnerFee" WHERE kind = 'FEE' AND reversedAt >= ${s} AND reversedAt < ${e}), 0)
          - coalesce((SELECT SUM(amount) FROM "PartnerFee" WHERE kind = 'CLAWBACK' AND earnedAt >= ${s} AND earnedAt < ${e}), 0) AS reversed`),
  ]);
  return {
    currency: shop.currency,
    from: range.from,
    to: range.to,
    orders: {
      created: int(orders[0]?.created),
      prepaid: int(orders[0]?.prepaid),
      paid: int(orders[0]?.paid),
      refunded: int(orders[0]?.refunded),
      cancelled: int(orders[0]?.cancelled),
    },
    revenue: { gross: money.gross, refunds: money.refunds, net: money.gross - money.refunds },
    prepayments: { received: money.prepayments },
    partnerFees: { earned: int(fees[0]?.earned), reversed: int(fees[0]?.reversed) },
  };
}

/** Gross and refunds per local day of the range (days without any are 0), by the same definitions. */
export async function getRevenueByDay(range: DayRange): Promise<{ day: Day; gross: number; refunds: number }[]> {
  return (await revenueSeries(range, "day")).map((p) => ({ day: p.label, gross: p.gross, refunds: p.refunds }));
}

/** Prepayments in the range that may be repeated deliveries (see OrderEvent.possibleRepeat): they are in `received`. */
export async function getPrepaymentDoubts(range: DayRange): Promise<{ count: number; amount: number }> {
  const rows = await query<{ n: number | null; amount: number | null }>(Prisma.sql`
    SELECT SUM(flagged) AS n, SUM(flaggedAmount) AS amount FROM "DayTotal" WHERE kind = 'PREPAID' AND day >= ${range.from} AND day <= ${range.to}`);
  return { count: int(rows[0]?.n), amount: int(rows[0]?.amount) };
}
