/**
 * The rules that fold notifications into an order, free of the database so they can be tested alone.
 * An order's state is a function of the set of events applied to it, never of their arrival order:
 * timestamps keep the earliest value, the status is derived from which timestamps are set, and the
 * descriptive snapshot comes from the most authoritative notification.
 */
import type { EventKind, OrderStatus } from "../generated/prisma/enums";
import type { NotificationKind } from "../justclick/kinds";
import type { JustClickNotification } from "../justclick/schema";
import { toDecimalString } from "../money";

export const EVENT_KIND: Record<NotificationKind, EventKind> = {
  created: "CREATED",
  prepaid: "PREPAID",
  paid: "PAID",
  moneyback: "MONEYBACK",
  cancel: "CANCELLED",
};

export interface Milestones {
  createdAt: Date | null;
  firstPrepaidAt: Date | null;
  paidAt: Date | null;
  refundedAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * A later stage never goes back to an earlier one: refunded > paid > cancelled > prepaid > awaiting.
 * Money that arrived wins over a cancellation (a cancel after payment does not unpay an order), and a
 * prepaid order that is cancelled is cancelled.
 */
export function deriveStatus(m: Milestones): OrderStatus {
  if (m.refundedAt) return "REFUNDED";
  if (m.paidAt) return "PAID";
  if (m.cancelledAt) return "CANCELLED";
  if (m.firstPrepaidAt) return "PREPAID";
  return "AWAITING_PAYMENT";
}

/** How much a notification kind knows about the order: a payment describes what was bought best. */
const SNAPSHOT_RANK: Record<EventKind, number> = { PAID: 4, MONEYBACK: 3, PREPAID: 2, CREATED: 1, CANCELLED: 0 };

export interface Snapshot {
  kind: EventKind;
  /** The paid time, for PAID snapshots. */
  at: Date | null;
}

/** Whether an incoming notification should replace the order's customer fields, UTM tags and items. */
export function replacesSnapshot(current: Snapshot | null, incoming: Snapshot): boolean {
  if (!current) return true;
  const diff = SNAPSHOT_RANK[incoming.kind] - SNAPSHOT_RANK[current.kind];
  if (diff !== 0) return diff > 0;
  // among payments (a subscription's rebills) the first one describes the order
  return incoming.kind === "PAID" && !!incoming.at && !!current.at && incoming.at < current.at;
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** The milestones after applying an event that happened at `occurredAt`. */
export function advanceMilestones(m: Milestones, kind: EventKind, occurredAt: Date, createdAt: Date | null): Milestones {
  return {
    createdAt: earliest(m.createdAt, createdAt),
    firstPrepaidAt: kind === "PREPAID" ? earliest(m.firstPrepaidAt, occurredAt) : m.firstPrepaidAt,
    paidAt: kind === "PAID" ? earliest(m.paidAt, occurredAt) : m.paidAt,
    refundedAt: kind === "MONEYBACK" ? earliest(m.refundedAt, occurredAt) : m.refundedAt,
    cancelledAt: kind === "CANCELLED" ? earliest(m.cancelledAt, occurredAt) : m.cancelledAt,
  };
}

export interface EventFacts {
  kind: EventKind;
  /** The event's natural key within its order, without the instalment counter prepayments get. */
  key: string;
  occurredAt: Date;
  /** Cash this event moved, null when the notification does not say. */
  amount: number | null;
  orderTotal: number;
  /** The money the event carries; a repeat with a different fingerprint is a conflict. */
  fingerprint: string;
}

/**
 * What identifies an event and what money it carries. There is no event id in JustClick's payloads,
 * so the natural keys are: created / moneyback / cancel: one per order; paid: the paid time (a rebill
 * is a new payment); prepaid: the amount, counted (two equal instalments look the same).
 */
export function eventFacts(n: JustClickNotification, receivedAt: Date): EventFacts {
  const kind = EVENT_KIND[n.kind];
  const items = n.items.map((i) => [i.sum, i.price, i.partners.map((p) => [p.level, p.partnerId, p.fee])]);
  switch (n.kind) {
    case "paid":
      return {
        kind,
        key: `paid:${n.paidAt!.getTime() / 1000}`,
        occurredAt: n.paidAt!,
        amount: n.lastPaymentSum,
        orderTotal: n.total,
        fingerprint: JSON.stringify({ last: n.lastPaymentSum, items }),
      };
    case "prepaid":
      return {
        kind,
        key: `prepaid:${n.prepaymentSum}`,
        occurredAt: receivedAt,
        amount: n.prepaymentSum,
        orderTotal: n.total,
        fingerprint: JSON.stringify({ prepayment: n.prepaymentSum, items }),
      };
    case "created":
    case "moneyback":
    case "cancel":
      return { kind, key: kind.toLowerCase(), occurredAt: receivedAt, amount: null, orderTotal: n.total, fingerprint: JSON.stringify({ items }) };
  }
}

/** Why a repeat is a conflict, for the log: which money differs from the event already applied. */
export function describeConflict(applied: { amount: number | null; orderTotal: number }, incoming: EventFacts): string {
  const money = (v: number | null) => (v === null ? "none" : toDecimalString(v));
  const diffs: string[] = [];
  if (applied.orderTotal !== incoming.orderTotal) diffs.push(`order total ${money(applied.orderTotal)} applied, ${money(incoming.orderTotal)} now`);
  if (applied.amount !== incoming.amount) diffs.push(`payment ${money(applied.amount)} applied, ${money(incoming.amount)} now`);
  if (diffs.length === 0) diffs.push("item prices or partner fees differ");
  return `repeat of an applied ${incoming.kind.toLowerCase()} notification with different money: ${diffs.join("; ")}. Kept, not applied`;
}
