/**
 * UTM attribution: by the UTM tags on the order (the ones JustClick sent with it; orders without a tag
 * are "(none)"), for one tag at a time with drill-down filters (source → medium → campaign, or content,
 * term): orders created and paid in the range, conversion (paid ÷ created), gross, refunds, net, the
 * partner fees those payments earned (less what refunds took back) and net after fees.
 */
import { Prisma } from "../generated/prisma/client";
import { rangeInstants, type DayRange } from "../time";
import { NONE, UTM_KEYS, type UtmKey } from "./order-filter";
import type { ReportPeriod } from "./range";
import type { Shop } from "./revenue";
import { int, query } from "./sqlite";

const COLUMN: Record<UtmKey, string> = { source: "utmSource", medium: "utmMedium", campaign: "utmCampaign", content: "utmContent", term: "utmTerm" };

export interface UtmRow {
  /** the tag's value; null for orders without it, shown as "(none)" */
  value: string | null;
  created: number;
  paid: number;
  conversionBp: number;
  gross: number;
  refunds: number;
  net: number;
  partnerFees: number;
  netAfterFees: number;
}

export interface UtmSelection {
  dimension: UtmKey;
  /** drill-down: the values chosen for other tags ("(none)" for none) */
  filter: Partial<Record<UtmKey, string>>;
}

function col(key: UtmKey): Prisma.Sql {
  return Prisma.raw(`"${COLUMN[key]}"`);
}

/** "" and a missing tag are the same to a shop owner: no tag. */
function tagValue(key: UtmKey): Prisma.Sql {
  return Prisma.sql`nullif(${col(key)}, '')`;
}

function filterSql(filter: UtmSelection["filter"]): Prisma.Sql {
  const parts = UTM_KEYS.filter((k) => filter[k] !== undefined).map((k) =>
    filter[k] === NONE ? Prisma.sql`AND (${col(k)} IS NULL OR ${col(k)} = '')` : Prisma.sql`AND ${col(k)} = ${filter[k]}`,
  );
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

export async function utmRows(range: DayRange, timeZone: string, sel: UtmSelection): Promise<{ rows: UtmRow[]; total: UtmRow }> {
  const { start, end } = rangeInstants(range, timeZone);
  const [s, e] = [start.getTime(), end.getTime()];
  const dim = tagValue(sel.dimension);
  const where = filterSql(sel.filter);
  const [created, paid, money] = await Promise.all([
    query<{ value: string | null; n: number }>(Prisma.sql`
      SELECT ${dim} AS value, COUNT(*) AS n FROM "Order" WHERE createdAt >= ${s} AND createdAt < ${e} ${where} GROUP BY 1`),
    query<{ value: string | null; n: number }>(Prisma.sql`
      SELECT ${dim} AS value, COUNT(*) AS n FROM "Order" WHERE paidAt >= ${s} AND paidAt < ${e} ${where} GROUP BY 1`),
    query<{ value: string | null; gross: number | null; refunds: number | null; earned: number | null; takenBack: number | null }>(Prisma.sql`
      SELECT ${dim} AS value,
        SUM(CASE WHEN kind = 'PAID' THEN orderTotal END) AS gross,
        SUM(CASE WHEN kind = 'MONEYBACK' THEN orderTotal END) AS refunds,
        SUM(CASE WHEN kind = 'PAID' THEN partnerFees END) AS earned,
        SUM(CASE WHEN kind = 'MONEYBACK' THEN partnerFees END) AS takenBack
      FROM "OrderEvent" WHERE kind IN ('PAID', 'MONEYBACK') AND occurredAt >= ${s} AND occurredAt < ${e} ${where} GROUP BY 1`),
  ]);
  // three small grouped results, one row per tag value: joined by value
  const rows = new Map<string | null, UtmRow>();
  const row = (value: string | null) => {
    let r = rows.get(value);
    if (!r) rows.set(value, (r = { value, created: 0, paid: 0, conversionBp: 0, gross: 0, refunds: 0, net: 0, partnerFees: 0, netAfterFees: 0 }));
    return r;
  };
  for (const c of created) row(c.value).created = int(c.n);
  for (const p of paid) row(p.value).paid = int(p.n);
  for (const m of money) {
    const r = row(m.value);
    r.gross = int(m.gross);
    r.refunds = int(m.refunds);
    r.partnerFees = int(m.earned) - int(m.takenBack);
  }
  const finish = (r: UtmRow): UtmRow => {
    r.net = r.gross - r.refunds;
    r.netAfterFees = r.net - r.partnerFees;
    r.conversionBp = r.created ? Math.round((r.paid * 10_000) / r.created) : 0;
    return r;
  };
  const list = [...rows.values()].map(finish).sort((a, b) => b.gross - a.gross || b.created - a.created || String(a.value).localeCompare(String(b.value)));
  const total = finish(
    list.reduce(
      (t, r) => ({ ...t, created: t.created + r.created, paid: t.paid + r.paid, gross: t.gross + r.gross, refunds: t.refunds + r.refunds, partnerFees: t.partnerFees + r.partnerFees }),
      { value: "total", created: 0, paid: 0, conversionBp: 0, gross: 0, refunds: 0, net: 0, partnerFees: 0, netAfterFees: 0 },
    ),
  );
  return { rows: list, total };
}

export interface UtmReport {
  currency: string;
  from: string;
  to: string;
  dimension: UtmKey;
  filter: Partial<Record<UtmKey, string>>;
  rows: UtmRow[];
  total: UtmRow;
  previous: { from: string; to: string; rows: UtmRow[]; total: UtmRow } | null;
}

export async function getUtmReport(p: ReportPeriod, shop: Shop, sel: UtmSelection): Promise<UtmReport> {
  const [current, previous] = await Promise.all([utmRows(p.range, shop.timeZone, sel), p.previous ? utmRows(p.previous, shop.timeZone, sel) : null]);
  return {
    currency: shop.currency,
    from: p.range.from,
    to: p.range.to,
    dimension: sel.dimension,
    filter: sel.filter,
    ...current,
    previous: p.previous && previous ? { ...p.previous, ...previous } : null,
  };
}

/** The next tag to drill into from `key`: source → medium → campaign. */
export function drillDown(key: UtmKey): UtmKey | null {
  return key === "source" ? "medium" : key === "medium" ? "campaign" : null;
}
