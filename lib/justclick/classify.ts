import { stringField, type PhpArray } from "./parse-str";
import { isNotificationKind, type NotificationKind } from "./kinds";

export type Classification =
  | { ok: true; kind: NotificationKind }
  /** `unmarked`: the payload has none of the fields that tell the type (a hint may) */
  | { ok: false; reason: string; unmarked?: boolean };

/** A non-empty single value: `paid=` (empty) does not make a payment. */
const field = (fields: PhpArray, name: string) => stringField(fields, name) || undefined;

const STATUSES: Record<string, NotificationKind> = {
  new_order: "created",
  moneyback: "moneyback",
  cancel_order: "cancel",
};

/**
 * Which notification this is, from the payload alone (the notifications doc's order): `status` first,
 * then a non-empty `prepayment_sum`, then `paid` / `last_payment_sum`. The absence of `paid` alone does
 * not make a created notification: without a status it is unknown.
 */
export function classify(fields: PhpArray): Classification {
  const status = fields.get("status");
  if (status !== undefined) {
    if (typeof status !== "string") return { ok: false, reason: "status is not a single value" };
    const kind = STATUSES[status];
    if (kind) return { ok: true, kind };
    if (status !== "") return { ok: false, reason: `unknown status "${status.slice(0, 40)}"` };
  }
  if (field(fields, "prepayment_sum") !== undefined) return { ok: true, kind: "prepaid" };
  if (field(fields, "paid") !== undefined || field(fields, "last_payment_sum") !== undefined) return { ok: true, kind: "paid" };
  return { ok: false, unmarked: true, reason: "no status, prepayment_sum, paid or last_payment_sum: not a JustClick notification type" };
}

const A_HINTS: Record<string, NotificationKind> = { make: "created", paid: "paid" };

export type Hint = { kind: NotificationKind | null; note: string | null };

/**
 * The optional hint in the hook URL: our `?type=created|prepaid|paid|moneyback|cancel` or the
 * `?a=make|paid` JustClick's help suggests. It never overrides the payload, but it helps where the
 * payload is silent: JustClick's help says a created invoice is recognised by the absence of `paid`,
 * which we only trust when the URL confirms it. A hint we cannot read is noted, not refused.
 */
export function readHint(query: URLSearchParams): Hint {
  const type = query.get("type");
  if (type !== null) {
    return isNotificationKind(type) ? { kind: type, note: null } : { kind: null, note: `unknown hint ?type=${type.slice(0, 40)}` };
  }
  const a = query.get("a");
  if (a !== null) {
    const kind = A_HINTS[a];
    return kind ? { kind, note: null } : { kind: null, note: `unknown hint ?a=${a.slice(0, 40)}` };
  }
  return { kind: null, note: null };
}

/** The payload's type, or "created" for a payload without any type marker posted to the created-invoice URL. */
export function classifyWithHint(fields: PhpArray, hint: Hint): Classification & { byHint?: boolean } {
  const c = classify(fields);
  if (!c.ok && c.unmarked && hint.kind === "created") return { ok: true, kind: "created", byHint: true };
  return c;
}

/** A note for the log when the URL's hint and the payload disagree; null when they agree or there is no hint. */
export function hintDisagreement(hint: Hint, kind: NotificationKind): string | null {
  if (hint.note) return hint.note;
  if (hint.kind && hint.kind !== kind) return `the URL says ${hint.kind} but the payload is ${kind}; the payload decides`;
  return null;
}
