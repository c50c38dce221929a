/**
 * What the orders list can filter on, how a filter reads from and writes to a URL. Every figure on a
 * report page links to the orders behind it through ordersHref, so this is the one vocabulary for
 * "which orders".
 */
import { z } from "zod";
import type { OrderStatus } from "../generated/prisma/enums";
import { isDay, type DayRange } from "../time";

/**
 * Which of an order's dates a range applies to: its milestones (created, first prepaid, first paid,
 * refunded, cancelled: one date each), or its money events, for figures that sum them (payment: any
 * payment, rebills included; prepayment: any instalment; cash: either).
 */
export const DATED = ["created", "prepaid", "paid", "refunded", "cancelled", "payment", "prepayment", "cash"] as const;
export type Dated = (typeof DATED)[number];
export const UTM_KEYS = ["source", "medium", "campaign", "content", "term"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export const STATUSES = ["AWAITING_PAYMENT", "PREPAID", "PAID", "REFUNDED", "CANCELLED"] as const satisfies readonly OrderStatus[];
/** In a UTM filter: orders without that tag. */
export const NONE = "(none)";

export interface OrderFilter {
  /** Which of the order's dates the range applies to (see DATED); created by default. */
  dated: Dated;
  range: DayRange;
  status?: OrderStatus[];
  product?: string;
  utm?: Partial<Record<UtmKey, string>>;
  partner?: string;
  coupon?: boolean;
  /** Email, phone, name or order number. */
  q?: string;
}

const day = z.string().refine(isDay, "must be a real date written YYYY-MM-DD");

const schema = z.object({
  dated: z.enum(DATED, { message: `must be one of ${DATED.join(", ")}` }).default("created"),
  from: day,
  to: day,
  status: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(STATUSES, { message: `must be among ${STATUSES.join(", ")}` })))
    .optional(),
  product: z.string().max(200).optional(),
  partner: z.string().regex(/^[0-9]{1,20}$/, "must be a numeric partner id").optional(),
  coupon: z.literal("1", { message: "give 1 for orders with a coupon" }).optional(),
  q: z.string().trim().max(100).optional(),
  ...Object.fromEntries(UTM_KEYS.map((k) => [`utm_${k}`, z.string().max(200).optional()])),
});

export type FilterParse = { ok: true; filter: OrderFilter } | { ok: false; message: string };

export function parseOrderFilter(params: URLSearchParams, defaults: DayRange): FilterParse {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  const parsed = schema.safeParse({ from: defaults.from, to: defaults.to, ...raw });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const p = parsed.data as z.output<typeof schema> & Record<string, string | undefined>;
  if (p.from > p.to) return { ok: false, message: `from (${p.from}) is after to (${p.to})` };
  const utm = Object.fromEntries(UTM_KEYS.filter((k) => p[`utm_${k}`] !== undefined).map((k) => [k, p[`utm_${k}`]!]));
  return {
    ok: true,
    filter: {
      dated: p.dated,
      range: { from: p.from, to: p.to },
      status: p.status,
      product: p.product,
      partner: p.partner,
      coupon: p.coupon === "1" || undefined,
      q: p.q || undefined,
      utm: Object.keys(utm).length ? utm : undefined,
    },
  };
}

/** The orders list showing exactly these orders. */
export function ordersHref(f: Partial<OrderFilter> & { range: DayRange }): string {
  const params = new URLSearchParams({ dated: f.dated ?? "created", from: f.range.from, to: f.range.to });
  if (f.status?.length) params.set("status", f.status.join(","));
  if (f.product !== undefined) params.set("product", f.product);
  if (f.partner) params.set("partner", f.partner);
  if (f.coupon) params.set("coupon", "1");
  if (f.q) params.set("q", f.q);
  for (const [k, v] of Object.entries(f.utm ?? {})) if (v !== undefined) params.set(`utm_${k}`, v);
  return `/orders?${params}`;
}
