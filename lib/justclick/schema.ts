import { z } from "zod";
import { parseMoney } from "../money";
import type { NotificationKind } from "./kinds";

/**
 * The fields of a notification (the platform's article in shared/seeds, and the notifications doc).
 * Everything is optional except the invoice `id` and each item's `sum`, without which there is nothing
 * to record; a field that is present must be well-formed: amounts are plain decimals with at most two
 * fraction digits, times are Unix seconds. Bad input is reported, never guessed at.
 * An empty string stays an empty string (PHP sends `middle_name=` for ""), an absent field is null.
 */

const text = z.string().optional().transform((v) => v ?? null);

/** Present-but-empty counts as absent for times and amounts (`paid=` means "not paid"). */
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

const money = z.string().transform((s, ctx) => {
  const minor = parseMoney(s);
  if (minor === null) {
    ctx.addIssue({ code: "custom", message: `"${s.slice(0, 30)}" is not an amount (up to ten digits, optionally "." and up to two decimals)` });
    return z.NEVER;
  }
  return minor;
});

const optionalMoney = z.preprocess(blankToUndefined, money.optional()).transform((v) => v ?? null);

const unixTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^[0-9]{1,11}$/, "must be a time in Unix seconds")
    .transform((s) => new Date(Number(s) * 1000))
    .optional(),
).transform((v) => v ?? null);

const flag = z
  .enum(["1", "0", "true", "false", ""], { message: "must be 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");

/** PHP arrays arrive as lists when their keys are integers; accept string-keyed ones in their order too. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.values(v) : v), z.array(item));

const partner = z.object({
  partner_lvl: z.enum(["1", "2"], { message: "must be 1 or 2 (JustClick has two partner levels)" }).transform(Number),
  partner_id: z.string().regex(/^[0-9]{1,20}$/, "must be a numeric partner id"),
  partner_name: text,
  partner_fee: money,
});

const item = z.object({
  id: text,
  title: text,
  sum: money,
  price: optionalMoney,
  pincode: text,
  partners: list(partner)
    .refine((ps) => new Set(ps.map((p) => p.partner_lvl)).size === ps.length, "two partners at the same level on one item")
    .optional()
    .transform((v) => v ?? []),
});

const utm = z
  .object({ source: text, medium: text, campaign: text, content: text, term: text })
  .optional()
  .transform((v) => v ?? { source: null, medium: null, campaign: null, content: null, term: null });

/** JustClick's invoice number: digits (6 to 8 seen), kept as text. */
export const INVOICE_ID = /^[0-9]{1,20}$/;

export const notificationFields = z.object({
  id: z.string({ message: "is missing" }).regex(INVOICE_ID, "must be the invoice number (digits)"),
  email: text,
  first_name: text,
  last_name: text,
  middle_name: text,
  phone: text,
  country: text,
  region: text,
  city: text,
  postalcode: text,
  address: text,
  comment: text,
  tag: text,
  kupon: text,
  coupon: text,
  domain: text,
  link: text,
  payway: text,
  type: text,
  is_recurrent: flag,
  created: unixTime,
  paid: unixTime,
  prepayment_sum: optionalMoney,
  last_payment_sum: optionalMoney,
  utm,
  items: list(item).optional().transform((v) => v ?? []),
});

export type NotificationFields = z.output<typeof notificationFields>;

export interface PartnerShare {
  level: 1 | 2;
  partnerId: string;
  /** partner_name, null when the notification had none */
  login: string | null;
  fee: number;
}

export interface NotificationItem {
  position: number;
  productId: string | null;
  title: string | null;
  sum: number;
  price: number | null;
  pincode: string | null;
  partners: PartnerShare[];
}

/** A validated notification, in our words; money in minor units. */
export interface JustClickNotification {
  kind: NotificationKind;
  orderId: string;
  createdAt: Date | null;
  paidAt: Date | null;
  prepaymentSum: number | null;
  lastPaymentSum: number | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  middleName: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postalCode: string | null;
  address: string | null;
  comment: string | null;
  tag: string | null;
  coupon: string | null;
  domain: string | null;
  link: string | null;
  payway: string | null;
  paymentType: string | null;
  isRecurrent: boolean;
  utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null; term: string | null };
  items: NotificationItem[];
  /** Σ items[].sum: the order's revenue (last_payment_sum is only the final instalment). */
  total: number;
}

export type FieldsCheck = { ok: true; notification: JustClickNotification } | { ok: false; reason: string };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}[${String(p)}]` : String(p)), "");
      return `${path || "body"}: ${issue.message}`;
    })
    .join("; ");
}

/** Validates the decoded fields of a notification already classified as `kind`. */
export function readNotification(kind: NotificationKind, plain: unknown): FieldsCheck {
  const parsed = notificationFields.safeParse(plain);
  if (!parsed.success) return { ok: false, reason: describe(parsed.error) };
  const f = parsed.data;
  if (kind === "paid" && f.paid === null) {
    // the paid time is the payment's identity (a rebill is a new one) and the date its revenue falls on
    return { ok: false, reason: "paid: a payment notification must carry its paid time" };
  }
  const items = f.items.map((it, position) => ({
    position,
    productId: it.id,
    title: it.title,
    sum: it.sum,
    price: it.price,
    pincode: it.pincode,
    partners: it.partners.map((p) => ({
      level: p.partner_lvl as 1 | 2,
      partnerId: p.partner_id,
      login: p.partner_name || null,
      fee: p.partner_fee,
    })),
  }));
  return {
    ok: true,
    notification: {
      kind,
      orderId: f.id,
      createdAt: f.created,
      paidAt: f.paid,
      prepaymentSum: f.prepayment_sum,
      lastPaymentSum: f.last_payment_sum,
      email: f.email,
      firstName: f.first_name,
      lastName: f.last_name,
      middleName: f.middle_name,
      phone: f.phone,
      country: f.country,
      region: f.region,
      city: f.city,
      postalCode: f.postalcode,
      address: f.address,
      comment: f.comment,
      tag: f.tag,
      coupon: f.kupon ?? f.coupon,
      domain: f.domain,
      link: f.link,
      payway: f.payway,
      paymentType: f.type,
      isRecurrent: f.is_recurrent,
      utm: f.utm,
      items,
      total: items.reduce((sum, it) => sum + it.sum, 0),
    },
  };
}
