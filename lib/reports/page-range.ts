import { lastDays, lastMonth, thisMonth, type DayRange } from "../time";
import { parseRange, periodOf, type PeriodParse, type RangeParse } from "./range";

type Presets = { label: string; range: DayRange }[];

function presetsOf(now: Date, timeZone: string): Presets {
  return [
    { label: "This month", range: thisMonth(now, timeZone) },
    { label: "Last month", range: lastMonth(now, timeZone) },
    { label: "Last 30 days", range: lastDays(now, timeZone, 30) },
  ];
}

/** A page's range from its search params, and the preset ranges its form offers. */
export function pageRange(params: { from?: string; to?: string }, now: Date, timeZone: string): { parsed: RangeParse; presets: Presets } {
  return { parsed: parseRange(params, now, timeZone), presets: presetsOf(now, timeZone) };
}

/** A report page's period (range, grouping, comparison) from its search params, and the presets. */
export function pagePeriod(params: URLSearchParams, now: Date, timeZone: string): { parsed: PeriodParse; presets: Presets } {
  return { parsed: periodOf(params, now, timeZone), presets: presetsOf(now, timeZone) };
}
