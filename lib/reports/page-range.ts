import { lastDays, lastMonth, thisMonth, type DayRange } from "../time";
import { parseRange, type RangeParse } from "./range";

/** A page's range from its search params, and the preset ranges its form offers. */
export function pageRange(params: { from?: string; to?: string }, now: Date, timeZone: string): { parsed: RangeParse; presets: { label: string; range: DayRange }[] } {
  return {
    parsed: parseRange(params, now, timeZone),
    presets: [
      { label: "This month", range: thisMonth(now, timeZone) },
      { label: "Last month", range: lastMonth(now, timeZone) },
      { label: "Last 30 days", range: lastDays(now, timeZone, 30) },
    ],
  };
}
