/**
 * What report queries need that is SQL-dialect specific, in one place: a second database is one more
 * version of these functions. SQLite has no time zones, so day buckets are computed in TypeScript
 * (lib/time.ts, right across daylight-saving changes) and passed in as JSON.
 */
import { Prisma } from "../generated/prisma/client";
import { readDb } from "../db";
import type { Grouping } from "../time";

/**
 * Runs a report query (built with Prisma.sql, so values are always bound parameters) on the read
 * connection. Async like any database call, so another dialect's driver can stand behind it.
 */
export async function query<T>(sql: Prisma.Sql): Promise<T[]> {
  return readDb().prepare(sql.sql).all(...(sql.values as unknown[])) as T[];
}

/**
 * The label of the day, week (Monday first) or month a local day ("2024-06-10", a column `day`) falls in,
 * clipped to the range's first day, as lib/time.ts's daySpans labels them. Calendar arithmetic on local
 * days, so no time zone is involved.
 */
export function spanLabelSql(grouping: Grouping, from: string): Prisma.Sql {
  switch (grouping) {
    case "day":
      return Prisma.sql`day`;
    case "week":
      return Prisma.sql`max(date(day, '-6 days', 'weekday 1'), ${from})`;
    case "month":
      return Prisma.sql`max(substr(day, 1, 7) || '-01', ${from})`;
  }
}

/** A CTE `buckets(label, start, "end")` from [label, start, end) triples; times as Unix ms. */
export function bucketsCte(buckets: { label: string; start: Date; end: Date }[]): Prisma.Sql {
  const json = JSON.stringify(buckets.map((b) => [b.label, b.start.getTime(), b.end.getTime()]));
  return Prisma.sql`buckets(label, start, "end") AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(${json})
  )`;
}

/** An integer aggregate (null for none, as SUM over no rows is) as a safe integer. */
export function int(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`aggregate out of range: ${String(v)}`);
  return n;
}
