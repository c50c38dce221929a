/**
 * What report queries need that is SQL-dialect specific, in one place: a second database is one more
 * version of these functions. SQLite has no time zones, so day buckets are computed in TypeScript
 * (lib/time.ts, right across daylight-saving changes) and passed in as JSON.
 */
import { Prisma } from "../generated/prisma/client";

/** A CTE `buckets(label, start, "end")` from [label, start, end) triples; times as Unix ms. */
export function bucketsCte(buckets: { label: string; start: Date; end: Date }[]): Prisma.Sql {
  const json = JSON.stringify(buckets.map((b) => [b.label, b.start.getTime(), b.end.getTime()]));
  return Prisma.sql`buckets(label, start, "end") AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(${json})
  )`;
}

/** SQLite returns integer aggregates as bigint through the adapter; reports work in safe integers. */
export function int(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === "bigint" ? Number(v) : Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`aggregate out of range: ${String(v)}`);
  return n;
}
