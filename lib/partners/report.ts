/**
 * The partner fee report. For a range of local days, per partner and level:
 * - earned: fees of payments in the range; reversed: fees MoneyBacks in the range reversed before
 *   payout; clawedBack: paid-out fees refunded in the range (clawback lines);
 * - paid: lines settled by payouts made (paidOn) in the range;
 * - due / held: what is owed now, and what is still inside the hold period (balances, not range-bound).
 * Partners who only ever appear at level 2 are rows like any other.
 */
import { Prisma } from "../generated/prisma/client";
import { rangeInstants, timeBuckets, type DayRange, type Grouping } from "../time";
import { bucketsCte, int, query } from "../reports/sqlite";
import { statusSql, type LineStatus } from "./ledger";

export const FIGURES = ["earned", "reversed", "clawedBack", "paid", "due", "held"] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number>;

export interface PartnerRow extends Figures {
  partnerId: string;
  login: string;
  level: number;
}

export interface PartnerFilter {
  level?: 1 | 2;
  partnerId?: string;
}

export interface LedgerContext {
  range: DayRange;
  timeZone: string;
  holdDays: number;
  now: Date;
}

const ZERO: Figures = { earned: 0, reversed: 0, clawedBack: 0, paid: 0, due: 0, held: 0 };

function filterSql(f: PartnerFilter): Prisma.Sql {
  return Prisma.sql`${f.level ? Prisma.sql`AND f.level = ${f.level}` : Prisma.empty} ${f.partnerId ? Prisma.sql`AND f.partnerId = ${f.partnerId}` : Prisma.empty}`;
}

/** SQL for "this line counts in `figure`" over a PartnerFee row `f` left-joined to its Payout `po`. */
export function figureSql(figure: Figure, c: LedgerContext): Prisma.Sql {
  const { start, end } = rangeInstants(c.range, c.timeZone);
  const [s, e] = [start.getTime(), end.getTime()];
  switch (figure) {
    case "earned":
      return Prisma.sql`(f.kind = 'FEE' AND f.earnedAt >= ${s} AND f.earnedAt < ${e})`;
    case "reversed":
      return Prisma.sql`(f.kind = 'FEE' AND f.reversedAt >= ${s} AND f.reversedAt < ${e})`;
    case "clawedBack":
      return Prisma.sql`(f.kind = 'CLAWBACK' AND f.earnedAt >= ${s} AND f.earnedAt < ${e})`;
    case "paid":
      return Prisma.sql`(po.paidOn >= ${c.range.from} AND po.paidOn <= ${c.range.to})`;
    case "due":
    case "held":
      return Prisma.sql`(${statusSql(c.now, c.holdDays)} = ${figure})`;
  }
}

/** The amount a line adds to a figure: clawbacks are negative lines, shown as a positive amount clawed back. */
const figureAmount = (figure: Figure) => (figure === "clawedBack" ? Prisma.sql`-f.amount` : Prisma.sql`f.amount`);

export async function getPartnerReport(c: LedgerContext, filter: PartnerFilter = {}): Promise<{ rows: PartnerRow[]; byLevel: Record<1 | 2, Figures>; total: Figures }> {
  const sums = FIGURES.map((fig) => Prisma.sql`SUM(CASE WHEN ${figureSql(fig, c)} THEN ${figureAmount(fig)} ELSE 0 END) AS ${Prisma.raw(`"${fig}"`)}`);
  // every line's figures summed per partner and level in the order of the covering (partnerId, level, …)
  // index, then the few groups joined to their logins
  const raw = await query<(Record<Figure, number | null> & { partnerId: string; login: string; level: number })>(Prisma.sql`
    SELECT g.*, p.login AS login FROM (
      SELECT f.partnerId AS partnerId, f.level AS level, ${Prisma.join(sums)}
      FROM "PartnerFee" f
      LEFT JOIN "Payout" po ON po.id = f.payoutId
      WHERE 1 = 1 ${filterSql(filter)}
      GROUP BY f.partnerId, f.level
    ) g
    JOIN "Partner" p ON p.id = g.partnerId
    ORDER BY g.earned DESC, g.partnerId, g.level`);
  const rows = raw
    .map((r) => ({ partnerId: r.partnerId, login: r.login, level: int(r.level), ...(Object.fromEntries(FIGURES.map((fig) => [fig, int(r[fig])])) as Figures) }))
    .filter((r) => FIGURES.some((fig) => r[fig] !== 0));
  const add = (a: Figures, b: Figures) => Object.fromEntries(FIGURES.map((fig) => [fig, a[fig] + b[fig]])) as Figures;
  const byLevel = { 1: { ...ZERO }, 2: { ...ZERO } } as Record<1 | 2, Figures>;
  for (const r of rows) byLevel[r.level as 1 | 2] = add(byLevel[r.level as 1 | 2], r);
  return { rows, byLevel, total: add(byLevel[1], byLevel[2]) };
}

/** Fees earned per bucket of the range, by level. */
export async function getPartnerFeesOverTime(c: LedgerContext, grouping: Grouping, filter: PartnerFilter = {}) {
  const buckets = timeBuckets(c.range, c.timeZone, grouping);
  const rows = await query<{ label: string; level1: number | null; level2: number | null }>(Prisma.sql`
    WITH ${bucketsCte(buckets)}
    SELECT b.label AS label,
      SUM(CASE WHEN f.level = 1 THEN f.amount END) AS level1,
      SUM(CASE WHEN f.level = 2 THEN f.amount END) AS level2
    FROM buckets b
    LEFT JOIN "PartnerFee" f ON f.kind = 'FEE' AND f.earnedAt >= b.start AND f.earnedAt < b."end" ${filterSql(filter)}
    GROUP BY b.label
    ORDER BY b.label`);
  return rows.map((r) => ({ label: r.label, level1: int(r.level1), level2: int(r.level2) }));
}

export interface FeeLineRow {
  id: number;
  kind: "FEE" | "CLAWBACK";
  orderId: string;
  paidAt: Date;
  /** The line's date: the payment's for a fee, the refund's for a clawback. */
  earnedAt: Date;
  productId: string | null;
  title: string | null;
  itemSum: number;
  partnerId: string;
  login: string;
  level: number;
  amount: number;
  status: LineStatus;
  payoutId: number | null;
  payoutReference: string | null;
}

/** Where a page of lines ends: the next page starts after this line (lines go by date, then id). */
export interface LinesCursor {
  earnedAt: number;
  id: number;
}

export interface LinesQuery {
  /** Lines that count in this figure; by default, lines dated (earned or clawed back) in the range. */
  figure?: Figure;
  status?: LineStatus;
  after?: LinesCursor;
  limit: number;
}

export const cursorOf = (line: FeeLineRow): LinesCursor => ({ earnedAt: line.earnedAt.getTime(), id: line.id });

function linesWhere(c: LedgerContext, filter: PartnerFilter, q: { figure?: Figure; status?: LineStatus }): Prisma.Sql {
  const { start, end } = rangeInstants(c.range, c.timeZone);
  const which = q.figure ? figureSql(q.figure, c) : Prisma.sql`(f.earnedAt >= ${start.getTime()} AND f.earnedAt < ${end.getTime()})`;
  return Prisma.sql`${which} ${filterSql(filter)} ${q.status ? Prisma.sql`AND ${statusSql(c.now, c.holdDays)} = ${q.status}` : Prisma.empty}`;
}

export async function countFeeLines(c: LedgerContext, filter: PartnerFilter, status?: LineStatus, figure?: Figure): Promise<number> {
  const rows = await query<{ n: number }>(Prisma.sql`
    SELECT COUNT(*) AS n FROM "PartnerFee" f LEFT JOIN "Payout" po ON po.id = f.payoutId WHERE ${linesWhere(c, filter, { status, figure })}`);
  return int(rows[0]?.n);
}

/**
 * Fee lines, oldest first, in pages: the orders behind a figure, and the CSV's detail. Pages continue
 * from a cursor on (earnedAt, id), which the earnedAt index serves directly, so every page costs the
 * same however deep into the range it is.
 */
export async function getFeeLines(c: LedgerContext, filter: PartnerFilter, q: LinesQuery): Promise<FeeLineRow[]> {
  const status = statusSql(c.now, c.holdDays);
  const rows = await query<
    { id: number; kind: "FEE" | "CLAWBACK"; orderId: string; paidAt: number; earnedAt: number; productId: string | null; title: string | null; itemSum: number; partnerId: string; login: string; level: number; amount: number; status: LineStatus; payoutId: number | null; payoutReference: string | null }
  >(Prisma.sql`
    SELECT f.id AS id, f.kind AS kind, f.orderId AS orderId, e.occurredAt AS paidAt, f.earnedAt AS earnedAt, f.productId AS productId, i.title AS title,
      f.itemSum AS itemSum, f.partnerId AS partnerId, p.login AS login, f.level AS level, f.amount AS amount,
      ${status} AS status, f.payoutId AS payoutId, po.reference AS payoutReference
    FROM "PartnerFee" f
    JOIN "Partner" p ON p.id = f.partnerId
    JOIN "OrderEvent" e ON e.id = f.eventId
    LEFT JOIN "OrderItem" i ON i.orderId = f.orderId AND i.position = f.itemPosition
    LEFT JOIN "Payout" po ON po.id = f.payoutId
    WHERE ${linesWhere(c, filter, q)}
      ${q.after ? Prisma.sql`AND (f.earnedAt > ${q.after.earnedAt} OR (f.earnedAt = ${q.after.earnedAt} AND f.id > ${q.after.id}))` : Prisma.empty}
    ORDER BY f.earnedAt, f.id
    LIMIT ${q.limit}`);
  return rows.map((r) => ({
    id: int(r.id),
    kind: r.kind,
    orderId: r.orderId,
    paidAt: new Date(int(r.paidAt)),
    earnedAt: new Date(int(r.earnedAt)),
    productId: r.productId,
    title: r.title,
    itemSum: int(r.itemSum),
    partnerId: r.partnerId,
    login: r.login,
    level: int(r.level),
    amount: int(r.amount),
    status: r.status,
    payoutId: r.payoutId === null ? null : int(r.payoutId),
    payoutReference: r.payoutReference,
  }));
}
