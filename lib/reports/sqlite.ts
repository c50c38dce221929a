/**
 * What report queries need that is SQL-dialect specific, in one place: a second database is one more
 * version of these functions. SQLite has no time zones, so day buckets are computed in TypeScript
 * (lib/time.ts, right across daylight-saving changes) and passed in as JSON.
 */
import { Prisma } from "../generated/prisma/client";
import { readDb } from "../db";

/**
 * Runs a report query (built with Prisma.sql, so values are always bound parameters) on the read
 * connection. Async like any database call, so another dialect's driver can stand behind it.
 */
export async function query<T>(sql: Prisma.Sql): Promise<T[]> {
  return readDb().prepare(sql.sql).all(...(sql.values as unknown[])) as T[];
}

/** A CTE `spans(label, first, last)` of local days (the day totals' buckets). */
export function spansCte(spans: { label: string; from: string; to: string }[]): Prisma.Sql {
  const json = JSON.stringify(spans.map((s) => [s.label, s.from, s.to]));
  return Prisma.sql`spans(label, first, last) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(${json})
  )`;
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
