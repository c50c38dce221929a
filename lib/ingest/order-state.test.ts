import { describe, expect, it } from "vitest";
import type { JustClickNotification } from "../justclick/schema";
import { advanceMilestones, deriveStatus, describeConflict, eventFacts, replacesSnapshot, type Milestones } from "./order-state";

const none: Milestones = { createdAt: null, firstPrepaidAt: null, paidAt: null, refundedAt: null, cancelledAt: null };
const t = (s: number) => new Date(s * 1000);

describe("order status: a later stage never goes back", () => {
  it.each([
    [{}, "AWAITING_PAYMENT"],
    [{ firstPrepaidAt: t(1) }, "PREPAID"],
    [{ firstPrepaidAt: t(1), cancelledAt: t(2) }, "CANCELLED"],
    [{ paidAt: t(1) }, "PAID"],
    [{ paidAt: t(1), cancelledAt: t(2) }, "PAID"],
    [{ paidAt: t(1), refundedAt: t(2) }, "REFUNDED"],
    [{ refundedAt: t(2) }, "REFUNDED"],
  ] as const)("%o -> %s", (m, status) => {
    expect(deriveStatus({ ...none, ...m })).toBe(status);
  });

  it("keeps the earliest time of each milestone whatever the arrival order", () => {
    const a = advanceMilestones(advanceMilestones(none, "PAID", t(20), t(5)), "PAID", t(10), t(5));
    const b = advanceMilestones(advanceMilestones(none, "PAID", t(10), t(5)), "PAID", t(20), t(5));
    expect(a).toEqual(b);
    expect(a.paidAt).toEqual(t(10));
    expect(advanceMilestones(none, "PREPAID", t(3), null)).toEqual({ ...none, firstPrepaidAt: t(3) });
  });
});

describe("which notification describes the order", () => {
  it("prefers a payment, then a refund, a prepayment, the invoice, a cancellation", () => {
    const order = ["CANCELLED", "CREATED", "PREPAID", "MONEYBACK", "PAID"] as const;
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j < order.length; j++) {
        expect(replacesSnapshot({ kind: order[i]!, at: null }, { kind: order[j]!, at: null })).toBe(j > i);
      }
    }
    expect(replacesSnapshot(null, { kind: "CANCELLED", at: null })).toBe(true);
  });

  it("among payments, takes the first one (a rebill does not rewrite the order)", () => {
    expect(replacesSnapshot({ kind: "PAID", at: t(20) }, { kind: "PAID", at: t(10) })).toBe(true);
    expect(replacesSnapshot({ kind: "PAID", at: t(10) }, { kind: "PAID", at: t(20) })).toBe(false);
  });
});

function notification(over: Partial<JustClickNotification>): JustClickNotification {
  return {
    kind: "paid", orderId: "1", createdAt: t(1), paidAt: t(100), prepaymentSum: null, lastPaymentSum: 500, email: "a@b.c",
    firstName: null, lastName: null, middleName: null, phone: null, country: null, region: null, city: null, postalCode: null,
    address: null, comment: null, tag: null, coupon: null, domain: null, link: null, payway: null, paymentType: null, isRecurrent: false,
    utm: { source: null, medium: null, campaign: null, content: null, term: null },
    items: [{ position: 0, productId: "p", title: "P", sum: 1000, price: 1200, pincode: null, partners: [{ level: 1, partnerId: "9", login: "p9", fee: 100 }] }],
    total: 1000,
    ...over,
  };
}

describe("event identity and money", () => {
  const received = t(5000);

  it("keys a payment by its paid time, so a rebill is a new payment and a retry the same one", () => {
    expect(eventFacts(notification({}), received)).toMatchObject({ kind: "PAID", key: "paid:100", occurredAt: t(100), amount: 500, orderTotal: 1000 });
    expect(eventFacts(notification({ paidAt: t(200) }), received).key).toBe("paid:200");
  });

  it("keys a prepayment by its amount and dates it by arrival", () => {
    expect(eventFacts(notification({ kind: "prepaid", paidAt: null, prepaymentSum: 300 }), received)).toMatchObject({ kind: "PREPAID", key: "prepaid:300", occurredAt: received, amount: 300 });
  });

  it("keys created, moneyback and cancel once per order, dated by arrival, carrying no cash", () => {
    for (const [kind, key] of [["created", "created"], ["moneyback", "moneyback"], ["cancel", "cancelled"]] as const) {
      expect(eventFacts(notification({ kind, paidAt: null }), received)).toMatchObject({ key, occurredAt: received, amount: null, orderTotal: 1000 });
    }
  });

  it("fingerprints the money: sums, prices and partner fees", () => {
    const base = eventFacts(notification({}), received).fingerprint;
    expect(eventFacts(notification({}), received).fingerprint).toBe(base);
    expect(eventFacts(notification({ lastPaymentSum: 600 }), received).fingerprint).not.toBe(base);
    const otherFee = notification({});
    otherFee.items[0]!.partners[0]!.fee = 101;
    expect(eventFacts(otherFee, received).fingerprint).not.toBe(base);
  });

  it("says which money differs in a conflict", () => {
    const incoming = eventFacts(notification({ total: 2000, lastPaymentSum: 500 }), received);
    expect(describeConflict({ amount: 500, orderTotal: 1000 }, incoming)).toMatch(/order total 10.00 applied, 20.00 now\. Kept, not applied/);
    expect(describeConflict({ amount: 500, orderTotal: 2000 }, incoming)).toMatch(/item prices or partner fees differ/);
  });
});
