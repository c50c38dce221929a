import { daysInRange, defaultGrouping, isDay, thisMonth, type DayRange, type Grouping } from "../time";

export const MAX_RANGE_DAYS = 3 * 366 + 1;

export type RangeParse = { ok: true; range: DayRange } | { ok: false; message: string };

/**
 * A report's date range from `from` / `to` (YYYY-MM-DD, local days, both included); missing ones
 * default to this month in the shop's zone. Used by pages and JSON endpoints alike.
 */
export function parseRange(params: { from?: string | null; to?: string | null }, now: Date, timeZone: string): RangeParse {
  const month = thisMonth(now, timeZone);
  const from = params.from || (params.to ? undefined : month.from);
  const to = params.to || (params.from ? undefined : month.to);
  if (!from || !to) return { ok: false, message: "give both from and to (YYYY-MM-DD), or neither for this month" };
  for (const [name, value] of [["from", from], ["to", to]] as const) {
    if (!isDay(value)) return { ok: false, message: `${name}: "${value.slice(0, 20)}" is not a real date written YYYY-MM-DD` };
  }
  if (from > to) return { ok: false, message: `from (${from}) is after to (${to})` };
  if (daysInRange({ from, to }) > MAX_RANGE_DAYS) return { ok: false, message: `the range is longer than ${MAX_RANGE_DAYS} days` };
  return { ok: true, range: { from, to } };
}

/** The period of equal length just before `range`: what "compared with the previous period" means. */
export function previousRange(range: DayRange): DayRange {
  const days = daysInRange(range);
  const [y, m, d] = range.from.split("-").map(Number) as [number, number, number];
  const day = (offset: number) => new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
  return { from: day(-days), to: day(-1) };
}

export interface ReportPeriod {
  range: DayRange;
  /** The previous period of equal length, unless the comparison is turned off (`compare=0`). */
  previous: DayRange | null;
  grouping: Grouping;
}

export type PeriodParse = { ok: true; period: ReportPeriod } | { ok: false; message: string };

/** from / to / group (day, week, month) / compare (1 or 0), shared by every report's page and JSON endpoint. */
export function parsePeriod(params: { from?: string | null; to?: string | null; group?: string | null; compare?: string | null }, now: Date, timeZone: string): PeriodParse {
  const parsed = parseRange(params, now, timeZone);
  if (!parsed.ok) return parsed;
  const group = params.group || defaultGrouping(parsed.range);
  if (group !== "day" && group !== "week" && group !== "month") return { ok: false, message: `group: "${group.slice(0, 20)}" is not day, week or month` };
  if (params.compare && params.compare !== "0" && params.compare !== "1") return { ok: false, message: "compare: give 1 or 0" };
  return { ok: true, period: { range: parsed.range, previous: params.compare === "0" ? null : previousRange(parsed.range), grouping: group } };
}

/** parsePeriod over a URL's query (JSON endpoints) or a page's search params. */
export function periodOf(params: URLSearchParams, now: Date, timeZone: string): PeriodParse {
  return parsePeriod({ from: params.get("from"), to: params.get("to"), group: params.get("group"), compare: params.get("compare") }, now, timeZone);
}

/** A page's searchParams object as URLSearchParams (a repeated key keeps its first value). */
export function searchParamsOf(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined) out.set(k, value);
  }
  return out;
}
