import { daysInRange, isDay, thisMonth, type DayRange } from "../time";

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
