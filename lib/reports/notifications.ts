import { Prisma } from "../generated/prisma/client";
import type { EventKind, Verdict } from "../generated/prisma/enums";
import type { PrismaClient } from "../generated/prisma/client";
import { INVOICE_ID } from "../justclick/schema";
import { rangeInstants, type DayRange } from "../time";
import { query } from "./sqlite";

/** Whether anything ever reached /api/hooks: pages without it say where to point JustClick. */
export async function hasNotifications(): Promise<boolean> {
  return (await query<{ one: number }>(Prisma.sql`SELECT 1 AS one FROM "Notification" LIMIT 1`)).length > 0;
}

/** The most recent deliveries to /api/hooks with their verdicts, newest first. */
export function getLatestNotifications(prisma: PrismaClient, limit = 10) {
  return prisma.notification.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, receivedAt: true, kind: true, orderId: true, verdict: true, reason: true, signature: true },
  });
}

export type LatestNotification = Awaited<ReturnType<typeof getLatestNotifications>>[number];

export const VERDICTS = ["RECEIVED", "APPLIED", "DUPLICATE", "CONFLICT", "REJECTED", "INVALID"] as const satisfies readonly Verdict[];

export interface LogFilter {
  range: DayRange;
  verdict?: Verdict[];
  orderId?: string;
}

export interface LogRow {
  id: number;
  receivedAt: Date;
  kind: EventKind | null;
  orderId: string | null;
  verdict: Verdict;
  reason: string | null;
  signature: string | null;
  query: string | null;
  size: number;
}

/** Every delivery in the range, newest first, a page at a time (cursor: the last id). */
export async function listNotifications(f: LogFilter, timeZone: string, page: { beforeId?: number; limit: number }): Promise<LogRow[]> {
  const { start, end } = rangeInstants(f.range, timeZone);
  const rows = await query<Record<string, string | number | null>>(Prisma.sql`
    SELECT id, receivedAt, kind, orderId, verdict, reason, signature, query, length(body) AS size FROM "Notification"
    WHERE receivedAt >= ${start.getTime()} AND receivedAt < ${end.getTime()}
      ${f.verdict?.length ? Prisma.sql`AND verdict IN (${Prisma.join(f.verdict)})` : Prisma.empty}
      ${f.orderId ? Prisma.sql`AND orderId = ${f.orderId}` : Prisma.empty}
      ${page.beforeId ? Prisma.sql`AND id < ${page.beforeId}` : Prisma.empty}
    ORDER BY id DESC
    LIMIT ${page.limit}`);
  return rows.map((r) => ({
    id: r.id as number,
    receivedAt: new Date(r.receivedAt as number),
    kind: r.kind as EventKind | null,
    orderId: r.orderId as string | null,
    verdict: r.verdict as Verdict,
    reason: r.reason as string | null,
    signature: r.signature as string | null,
    query: r.query as string | null,
    size: r.size as number,
  }));
}

/** How many deliveries of each verdict the range has. */
export async function countVerdicts(range: DayRange, timeZone: string): Promise<Record<Verdict, number>> {
  const { start, end } = rangeInstants(range, timeZone);
  const rows = await query<{ verdict: Verdict; n: number }>(Prisma.sql`
    SELECT verdict, COUNT(*) AS n FROM "Notification" WHERE receivedAt >= ${start.getTime()} AND receivedAt < ${end.getTime()} GROUP BY verdict`);
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rows) out[r.verdict] = r.n;
  return out;
}

export const LOG_PAGE = 50;

export type LogParse = { ok: true; filter: LogFilter; beforeId?: number } | { ok: false; message: string };

/** The log's query: from / to (default this month), `verdict` (comma-separated, any case), `order`, `before` (an id, for the next page). */
export function parseLogFilter(params: URLSearchParams, range: DayRange): LogParse {
  const verdictText = params.get("verdict");
  const verdict = verdictText ? verdictText.toUpperCase().split(",") : undefined;
  const unknown = verdict?.find((v) => !(VERDICTS as readonly string[]).includes(v));
  if (unknown !== undefined) return { ok: false, message: `verdict: "${unknown.toLowerCase().slice(0, 20)}" is not one of ${VERDICTS.map((v) => v.toLowerCase()).join(", ")}` };
  const orderId = params.get("order") || undefined;
  if (orderId && !INVOICE_ID.test(orderId)) return { ok: false, message: "order: not an order number (digits)" };
  const before = params.get("before");
  if (before && (!/^[1-9][0-9]{0,9}$/.test(before) || Number(before) > 2 ** 31 - 1)) return { ok: false, message: "before: not a notification id" };
  return { ok: true, filter: { range, verdict: verdict as Verdict[] | undefined, orderId }, beforeId: before ? Number(before) : undefined };
}
