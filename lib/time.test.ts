import { describe, expect, it } from "vitest";
import { dayBuckets, dayOf, daysInRange, defaultGrouping, formatDateTime, isDay, localDateTime, lastDays, lastMonth, rangeInstants, startOfDay, thisMonth, timeBuckets } from "./time";

describe("local days in the shop's time zone", () => {
  it("starts a Moscow day at 21:00 UTC the evening before", () => {
    expect(startOfDay("2024-06-10", "Europe/Moscow").toISOString()).toBe("2024-06-09T21:00:00.000Z");
  });

  it("puts a payment at 23:30 Moscow time on that Moscow date, not the UTC one", () => {
    const lateEvening = new Date("2024-06-10T20:30:00Z"); // 23:30 in Moscow
    expect(dayOf(lateEvening, "Europe/Moscow")).toBe("2024-06-10");
    expect(dayOf(new Date("2024-06-10T21:30:00Z"), "Europe/Moscow")).toBe("2024-06-11");
    const { start, end } = rangeInstants({ from: "2024-06-10", to: "2024-06-10" }, "Europe/Moscow");
    expect(lateEvening >= start && lateEvening < end).toBe(true);
  });

  it("makes days 23 and 25 hours long across daylight-saving changes", () => {
    const hours = (b: { start: Date; end: Date }) => (b.end.getTime() - b.start.getTime()) / 3_600_000;
    const spring = dayBuckets({ from: "2024-03-30", to: "2024-04-01" }, "Europe/Berlin");
    expect(spring.map((b) => [b.day, hours(b)])).toEqual([["2024-03-30", 24], ["2024-03-31", 23], ["2024-04-01", 24]]);
    const autumn = dayBuckets({ from: "2024-10-27", to: "2024-10-27" }, "Europe/Berlin");
    expect(hours(autumn[0]!)).toBe(25);
  });

  it("gives ranges that tile without gaps or overlaps", () => {
    const b = dayBuckets({ from: "2024-06-29", to: "2024-07-02" }, "America/New_York");
    expect(b.map((x) => x.day)).toEqual(["2024-06-29", "2024-06-30", "2024-07-01", "2024-07-02"]);
    for (let i = 1; i < b.length; i++) expect(b[i]!.start).toEqual(b[i - 1]!.end);
    expect(rangeInstants({ from: "2024-06-29", to: "2024-07-02" }, "America/New_York")).toEqual({ start: b[0]!.start, end: b.at(-1)!.end });
  });

  it("knows this month, last month and the last 30 days by the shop's calendar", () => {
    const now = new Date("2024-07-31T22:30:00Z"); // already 1 August in Moscow
    expect(thisMonth(now, "Europe/Moscow")).toEqual({ from: "2024-08-01", to: "2024-08-01" });
    expect(thisMonth(now, "UTC")).toEqual({ from: "2024-07-01", to: "2024-07-31" });
    expect(lastMonth(now, "Europe/Moscow")).toEqual({ from: "2024-07-01", to: "2024-07-31" });
    expect(lastDays(now, "Europe/Moscow", 30)).toEqual({ from: "2024-07-03", to: "2024-08-01" });
    expect(daysInRange({ from: "2024-02-01", to: "2024-03-01" })).toBe(30);
  });

  it("accepts only real days written YYYY-MM-DD", () => {
    expect(isDay("2024-02-29")).toBe(true);
    for (const bad of ["2023-02-29", "2024-13-01", "2024-6-1", "20240601", "2024-06-01T00:00", ""]) expect(isDay(bad)).toBe(false);
  });

  it("shows a moment on the shop's clock", () => {
    expect(formatDateTime(new Date(1718003907 * 1000), "Europe/Moscow", "ru-RU")).toBe("10.06.2024, 10:18");
    expect(localDateTime(new Date(1718003907 * 1000), "Europe/Moscow")).toBe("2024-06-10 10:18:27");
    expect(localDateTime(new Date(Date.UTC(2024, 5, 10, 21, 0, 0)), "Europe/Moscow")).toBe("2024-06-11 00:00:00");
  });
});

describe("weeks and months in the shop's zone", () => {
  it("cuts a range into Monday-first weeks and calendar months, clipped to the range", () => {
    const weeks = timeBuckets({ from: "2024-06-05", to: "2024-06-20" }, "Europe/Moscow", "week");
    expect(weeks.map((w) => w.label)).toEqual(["2024-06-05", "2024-06-10", "2024-06-17"]);
    expect(weeks[0]!.end).toEqual(startOfDay("2024-06-10", "Europe/Moscow"));
    expect(weeks.at(-1)!.end).toEqual(startOfDay("2024-06-21", "Europe/Moscow"));
    const months = timeBuckets({ from: "2024-01-15", to: "2024-03-10" }, "Europe/Moscow", "month");
    expect(months.map((m) => m.label)).toEqual(["2024-01-15", "2024-02-01", "2024-03-01"]);
    expect(months[1]!.end).toEqual(startOfDay("2024-03-01", "Europe/Moscow"));
    expect(timeBuckets({ from: "2024-01-01", to: "2024-01-03" }, "UTC", "day").map((d) => d.label)).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
  });

  it("picks a readable grouping for the range's length", () => {
    expect(defaultGrouping({ from: "2024-06-01", to: "2024-06-30" })).toBe("day");
    expect(defaultGrouping({ from: "2024-01-01", to: "2024-05-31" })).toBe("week");
    expect(defaultGrouping({ from: "2023-01-01", to: "2024-06-30" })).toBe("month");
  });
});
