/**
 * The orders list: filtered (lib/reports/order-filter.ts), newest first by the chosen date, a page at a
 * time with a cursor on (that date, order id), so every page costs the same however deep it is.
 */
import { Prisma } from "../generated/prisma/client";
import type { EventKind, OrderStatus } from "../generated/prisma/enums";
import { INVOICE_ID } from "../justclick/schema";
import { rangeInstants, type DayRange } from "../time";
import { NONE, parseOrderFilter, UTM_KEYS, type Dated, type OrderFilter } from "./order-filter";
import { query } from "./sqlite";

const MILESTONE: Partial<Record<Dated, string>> = {
  created: "createdAt",
  prepaid: "firstPrepaidAt",
  paid: "paidAt",
  refunded: "refundedAt",
  cancelled: "cancelledAt",
};
/** Ranges over money events: orders with such an event in the range, listed by their first payment or prepayment. */
const EVENTS: Partial<Record<Dated, { kinds: EventKind[]; sort: string }>> = {
  payment: { kinds: ["PAID"], sort: `o."paidAt"` },
  prepayment: { kinds: ["PREPAID"], sort: `o."firstPrepaidAt"` },
  cash: { kinds: ["PAID", "PREPAID"], sort: `coalesce(o."paidAt", o."firstPrepaidAt")` },
};

/** The date the list is sorted by and pages on. */
function sortDate(dated: Dated): Prisma.Sql {
  return Prisma.raw(EVENTS[dated]?.sort ?? `o."${MILESTONE[dated]}"`);
}

const UTM_COLUMN = { source: "utmSource", medium: "utmMedium", campaign: "utmCampaign", content: "utmContent", term: "utmTerm" } as const;

export interface OrderRow {
  id: string;
  status: OrderStatus;
  total: number;
  prepaidTotal: number;
  /** the date the list is sorted by */
  at: Date;
  createdAt: Date | null;
  paidAt: Date | null;
  name: string;
  email: string | null;
  phone: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  coupon: string | null;
}

export interface OrdersCursor {
  at: number;
  id: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereSql(f: OrderFilter, timeZone: string): Prisma.Sql {
  const { start, end } = rangeInstants(f.range, timeZone);
  const date = sortDate(f.dated);
  const events = EVENTS[f.dated];
  const parts: Prisma.Sql[] = [
    events
      ? Prisma.sql`EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e.orderId = o.id AND e.kind IN (${Prisma.join(events.kinds)}) AND e.occurredAt >= ${start.getTime()} AND e.occurredAt < ${end.getTime()})`
      : Prisma.sql`${date} >= ${start.getTime()} AND ${date} < ${end.getTime()}`,
  ];
  if (f.dated === "cancelled") parts.push(Prisma.sql`o.status = 'CANCELLED'`); // a cancel after payment changed nothing
  if (f.status?.length) parts.push(Prisma.sql`o.status IN (${Prisma.join(f.status)})`);
  for (const key of UTM_KEYS) {
    const value = f.utm?.[key];
    if (value === undefined) continue;
    const column = Prisma.raw(`o."${UTM_COLUMN[key]}"`);
    parts.push(value === NONE ? Prisma.sql`(${column} IS NULL OR ${column} = '')` : Prisma.sql`${column} = ${value}`);
  }
  if (f.coupon) parts.push(Prisma.sql`o.coupon <> ''`);
  if (f.product !== undefined) {
    parts.push(
      f.product === NONE
        ? Prisma.sql`EXISTS (SELECT 1 FROM "OrderItem" i WHERE i.orderId = o.id AND i.productId IS NULL)`
        : Prisma.sql`EXISTS (SELECT 1 FROM "OrderItem" i WHERE i.orderId = o.id AND i.productId = ${f.product})`,
    );
  }
  if (f.partner) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "PartnerFee" pf WHERE pf.orderId = o.id AND pf.partnerId = ${f.partner})`);
  if (f.q) {
    const q = f.q.toLowerCase();
    const digits = q.replace(/\D/g, "");
    parts.push(
      /^\d{5,20}$/.test(q)
        ? Prisma.sql`(o.id = ${q} OR o.search LIKE ${`%${digits}%`} ESCAPE '\\')`
        : Prisma.sql`o.search LIKE ${`%${likeEscape(q)}%`} ESCAPE '\\'`,
    );
  }
  return Prisma.join(parts, " AND ");
}

export async function listOrders(f: OrderFilter, timeZone: string, page: { after?: OrdersCursor; limit: number }): Promise<OrderRow[]> {
  const date = sortDate(f.dated);
  const rows = await query<Record<string, string | number | null>>(Prisma.sql`
    SELECT o.id, o.status, o.total, o.prepaidTotal, ${date} AS at, o.createdAt, o.paidAt, o.firstName, o.lastName, o.email, o.phone,
      o.utmSource, o.utmMedium, o.utmCampaign, o.coupon
    FROM "Order" o
    WHERE ${whereSql(f, timeZone)}
      ${page.after ? Prisma.sql`AND (${date} < ${page.after.at} OR (${date} = ${page.after.at} AND o.id < ${page.after.id}))` : Prisma.empty}
    ORDER BY ${date} DESC, o.id DESC
    LIMIT ${page.limit}`);
  const date_ = (v: unknown) => (v === null ? null : new Date(v as number));
  return rows.map((r) => ({
    id: r.id as string,
    status: r.status as OrderStatus,
    total: r.total as number,
    prepaidTotal: r.prepaidTotal as number,
    at: new Date(r.at as number),
    createdAt: date_(r.createdAt),
    paidAt: date_(r.paidAt),
    name: [r.firstName, r.lastName].filter(Boolean).join(" "),
    email: r.email as string | null,
    phone: r.phone as string | null,
    utmSource: r.utmSource as string | null,
    utmMedium: r.utmMedium as string | null,
    utmCampaign: r.utmCampaign as string | null,
    coupon: r.coupon as string | null,
  }));
}

export const cursorOfOrder = (r: OrderRow): OrdersCursor => ({ at: r.at.getTime(), id: r.id });

/** The `after` of the next page's URL: the last row's date (Unix ms) and id. */
export const formatOrdersCursor = (c: OrdersCursor): string => `${c.at}_${c.id}`;

export function parseOrdersCursor(s: string): OrdersCursor | null {
  const m = /^(-?\d{1,15})_(\d{1,20})$/.exec(s);
  return m && INVOICE_ID.test(m[2]!) ? { at: Number(m[1]), id: m[2]! } : null;
}

export const ORDERS_PAGE = 50;

export type OrdersPageParse = { ok: true; filter: OrderFilter; after?: OrdersCursor; limit: number } | { ok: false; message: string };

/** The orders list's query: the filter (defaults: created this month), `after` for the next page, `limit` up to 200. */
export function parseOrdersPage(params: URLSearchParams, defaults: DayRange): OrdersPageParse {
  const f = parseOrderFilter(params, defaults);
  if (!f.ok) return f;
  const afterText = params.get("after");
  const after = afterText ? parseOrdersCursor(afterText) : undefined;
  if (after === null) return { ok: false, message: "after: not a cursor from a previous page" };
  const limitText = params.get("limit");
  const limit = limitText ? Number(limitText) : ORDERS_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return { ok: false, message: "limit: give a whole number from 1 to 200" };
  return { ok: true, filter: f.filter, after, limit };
}
