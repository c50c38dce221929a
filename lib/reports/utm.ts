/**
 * UTM attribution: by the UTM tags on the order (the ones JustClick sent with it; orders without a tag
 * are "(none)"), for one tag at a time with drill-down filters (source → medium → campaign, or content,
 * term): orders created and paid in the range, conversion (paid ÷ created), gross, refunds, net, the
 * partner fees those payments earned (less what refunds took back) and net after fees.
 */
import { Prisma } from "../generated/prisma/client";
import { utmGrain } from "../ingest/rollups";
import type { DayRange } from "../time";
import { NONE, UTM_KEYS, type UtmKey } from "./order-filter";
import type { ReportPeriod } from "./range";
import type { Shop } from "./revenue";
import { int, query } from "./sqlite";

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

// DayUtmTotal keeps a missing tag as "", so "(none)" is one equality test
function filterSql(filter: UtmSelection["filter"]): Prisma.Sql {
  const parts = UTM_KEYS.filter((k) => filter[k] !== undefined).map((k) => Prisma.sql`AND ${Prisma.raw(`"${k}"`)} = ${filter[k] === NONE ? "" : filter[k]}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** One row per value of the chosen tag, from the day totals kept at ingest, at the smallest grain that holds the tags asked about. */
export async function utmRows(range: DayRange, sel: UtmSelection): Promise<{ rows: UtmRow[]; total: UtmRow }> {
  const grain = utmGrain([sel.dimension, ...UTM_KEYS.filter((k) => sel.filter[k] !== undefined)]);
  const grouped = await query<{ value: string | null; created: number; paid: number; gross: number; refunds: number; earned: number; takenBack: number }>(Prisma.sql`
    SELECT nullif(${Prisma.raw(`"${sel.dimension}"`)}, '') AS value, SUM(created) AS created, SUM(paid) AS paid, SUM(gross) AS gross,
      SUM(refunds) AS refunds, SUM(feesEarned) AS earned, SUM(feesTakenBack) AS takenBack
    FROM "DayUtmTotal" WHERE grain = ${grain} AND day >= ${range.from} AND day <= ${range.to} ${filterSql(sel.filter)} GROUP BY 1`);
  const rows = new Map<string | null, UtmRow>();
  for (const g of grouped) {
    const r = { value: g.value, created: int(g.created), paid: int(g.paid), conversionBp: 0, gross: int(g.gross), refunds: int(g.refunds), net: 0, partnerFees: int(g.earned) - int(g.takenBack), netAfterFees: 0 };
    // a day row whose numbers all went back to zero (an order that moved to other tags) is no row at all
    if (r.created || r.paid || r.gross || r.refunds || r.partnerFees) rows.set(g.value, r);
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
  const [current, previous] = await Promise.all([utmRows(p.range, sel), p.previous ? utmRows(p.previous, sel) : null]);
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

export type SelectionParse = { ok: true; selection: UtmSelection } | { ok: false; message: string };

/** `dimension` (source by default) and the drill-down's `utm_<tag>` values from a query. */
export function parseUtmSelection(params: URLSearchParams): SelectionParse {
  const dimension = params.get("dimension") || "source";
  if (!(UTM_KEYS as readonly string[]).includes(dimension)) return { ok: false, message: `dimension: "${dimension.slice(0, 20)}" is not one of ${UTM_KEYS.join(", ")}` };
  const filter: Partial<Record<UtmKey, string>> = {};
  for (const k of UTM_KEYS) {
    const v = params.get(`utm_${k}`);
    if (v === null || v === "") continue;
    if (v.length > 200) return { ok: false, message: `utm_${k}: longer than 200 characters` };
    if (k === dimension) return { ok: false, message: `utm_${k}: the tag being broken down cannot also be a filter` };
    filter[k] = v;
  }
  return { ok: true, selection: { dimension: dimension as UtmKey, filter } };
}

const CHAIN: UtmKey[] = ["source", "medium", "campaign"];

/**
 * The tag to break down next after choosing a value of `key` (source → medium → campaign), skipping tags
 * `filter` (which holds the choice) already fixes; null past campaign, or from content and term.
 */
export function drillDown(key: UtmKey, filter: Partial<Record<UtmKey, string>>): UtmKey | null {
  const i = CHAIN.indexOf(key);
  return i < 0 ? null : (CHAIN.slice(i + 1).find((k) => filter[k] === undefined) ?? null);
}
