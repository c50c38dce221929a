/**
 * Dates in the shop's time zone. JustClick sends Unix seconds; a shop owner thinks in local days.
 * A report range is a pair of local days (inclusive), turned here into instants [start, end) so the
 * database only ever compares timestamps; a day is a local calendar day, 23 or 25 hours long across a
 * daylight-saving change in zones that have one.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfMonth, subDays } from "date-fns";

/** A local calendar day, "2024-06-10". */
export type Day = string;

export interface DayRange {
  from: Day;
  to: Day;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100;
}

function local(day: Day, timeZone: string): TZDate {
  return new TZDate(...ymd(day), timeZone);
}

/** The instant a local day starts. */
export function startOfDay(day: Day, timeZone: string): Date {
  return new Date(local(day, timeZone).getTime());
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local day an instant falls on (Intl does the zone arithmetic; the formatter is cached per zone). */
export function dayOf(instant: Date, timeZone: string): Day {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  return f.format(instant);
}

export function nextDay(day: Day): Day {
  return format(addDays(local(day, "UTC"), 1), "yyyy-MM-dd");
}

/** [start, end) of a range of local days, inclusive of both. */
export function rangeInstants(range: DayRange, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDay(range.from, timeZone), end: startOfDay(nextDay(range.to), timeZone) };
}

/** Every local day of a range with its [start, end) instants, for bucketing by day. */
export function dayBuckets(range: DayRange, timeZone: string): { day: Day; start: Date; end: Date }[] {
  const out: { day: Day; start: Date; end: Date }[] = [];
  for (let day = range.from; day <= range.to; day = nextDay(day)) {
    const next = nextDay(day);
    out.push({ day, start: startOfDay(day, timeZone), end: startOfDay(next, timeZone) });
  }
  return out;
}

/** This month so far, in the shop's zone: the 1st to today. */
export function thisMonth(now: Date, timeZone: string): DayRange {
  const today = new TZDate(now.getTime(), timeZone);
  return { from: format(startOfMonth(today), "yyyy-MM-dd"), to: format(today, "yyyy-MM-dd") };
}

/** The previous calendar month, in the shop's zone. */
export function lastMonth(now: Date, timeZone: string): DayRange {
  const firstOfThis = startOfMonth(new TZDate(now.getTime(), timeZone));
  return { from: format(startOfMonth(subDays(firstOfThis, 1)), "yyyy-MM-dd"), to: format(subDays(firstOfThis, 1), "yyyy-MM-dd") };
}

/** The last `days` days including today. */
export function lastDays(now: Date, timeZone: string, days: number): DayRange {
  const today = new TZDate(now.getTime(), timeZone);
  return { from: format(subDays(today, days - 1), "yyyy-MM-dd"), to: format(today, "yyyy-MM-dd") };
}

export function daysInRange(range: DayRange): number {
  return Math.round((Date.UTC(...ymd(range.to)) - Date.UTC(...ymd(range.from))) / 86_400_000) + 1;
}

function ymd(day: Day): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m - 1, d];
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "10.06.2024, 10:18" in ru-RU: a moment as the shop's clock showed it. */
export function formatDateTime(instant: Date, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "short", timeStyle: "short" });
    dateTimeFormats.set(key, f);
  }
  return f.format(instant);
}

export type Grouping = "day" | "week" | "month";

/**
 * The range cut into local days, ISO weeks (Monday first) or calendar months, each bucket clipped to
 * the range and labelled by its first day.
 */
export function timeBuckets(range: DayRange, timeZone: string, grouping: Grouping): { label: Day; start: Date; end: Date }[] {
  if (grouping === "day") return dayBuckets(range, timeZone).map((b) => ({ label: b.day, start: b.start, end: b.end }));
  const out: { label: Day; start: Date; end: Date }[] = [];
  let from = range.from;
  while (from <= range.to) {
    const [y, m, d] = ymd(from);
    const utc = new Date(Date.UTC(y, m, d));
    let next: Date;
    if (grouping === "week") {
      const weekday = (utc.getUTCDay() + 6) % 7; // Monday = 0
      next = new Date(Date.UTC(y, m, d + 7 - weekday));
    } else {
      next = new Date(Date.UTC(y, m + 1, 1));
    }
    const nextDayStr = next.toISOString().slice(0, 10);
    const to = nextDayStr > range.to ? range.to : format(subDays(local(nextDayStr, "UTC"), 1), "yyyy-MM-dd");
    out.push({ label: from, start: startOfDay(from, timeZone), end: startOfDay(nextDay(to), timeZone) });
    from = nextDay(to);
  }
  return out;
}

/** A grouping that keeps a chart readable: days up to two months, weeks up to half a year, then months. */
export function defaultGrouping(range: DayRange): Grouping {
  const days = daysInRange(range);
  return days <= 62 ? "day" : days <= 183 ? "week" : "month";
}

const isoFormats = new Map<string, Intl.DateTimeFormat>();

/** "2024-06-10 14:53:30": a moment on the shop's clock, ISO-ordered, as spreadsheets read it. */
export function localDateTime(instant: Date, timeZone: string): string {
  let f = isoFormats.get(timeZone);
  if (!f) {
    // Swedish writes dates and times in ISO order; Intl does the zone arithmetic, cached per zone
    f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    isoFormats.set(timeZone, f);
  }
  return f.format(instant);
}

/** The range cut into days, weeks or months as spans of local days (labelled by their first day). */
export function daySpans(range: DayRange, grouping: Grouping): { label: Day; from: Day; to: Day }[] {
  const buckets = timeBuckets(range, "UTC", grouping);
  return buckets.map((b, i) => ({ label: b.label, from: b.label, to: i + 1 < buckets.length ? format(subDays(local(buckets[i + 1]!.label, "UTC"), 1), "yyyy-MM-dd") : range.to }));
}
