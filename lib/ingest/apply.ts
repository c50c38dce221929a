/**
 * Applies one validated notification: decides, with the rules in order-state.ts, what it changes and
 * writes that through the store. Runs inside the caller's transaction.
 */
import type { Verdict } from "../generated/prisma/enums";
import type { JustClickNotification } from "../justclick/schema";
import { refundReaches } from "../partners/ledger";
import { advanceMilestones, deriveStatus, describeConflict, eventFacts, replacesSnapshot, type Milestones } from "./order-state";
import type { Attribution, IngestStore, OrderSnapshotRow } from "./store";

export interface Applied {
  verdict: Extract<Verdict, "APPLIED" | "DUPLICATE" | "CONFLICT">;
  reason: string | null;
}

/** The order's descriptive fields as a notification gives them. */
function snapshotOf(n: JustClickNotification, kind: OrderSnapshotRow["snapshotKind"], at: Date | null): OrderSnapshotRow {
  return {
    total: n.total,
    email: n.email,
    emailLower: n.email?.toLowerCase() ?? null,
    search: searchText(n),
    firstName: n.firstName,
    lastName: n.lastName,
    middleName: n.middleName,
    phone: n.phone,
    country: n.country,
    region: n.region,
    city: n.city,
    postalCode: n.postalCode,
    address: n.address,
    comment: n.comment,
    tag: n.tag,
    coupon: n.coupon,
    domain: n.domain,
    payway: n.payway,
    paymentType: n.paymentType,
    link: n.link,
    isRecurrent: n.isRecurrent,
    utmSource: n.utm.source,
    utmMedium: n.utm.medium,
    utmCampaign: n.utm.campaign,
    utmContent: n.utm.content,
    utmTerm: n.utm.term,
    snapshotKind: kind,
    snapshotAt: at,
  };
}

/** What the orders list's search matches: names, email, and the phone as digits only. */
export function searchText(n: { firstName: string | null; lastName: string | null; middleName: string | null; email: string | null; phone: string | null }): string {
  return [n.lastName, n.firstName, n.middleName, n.email, n.phone?.replace(/\D/g, "")].filter(Boolean).join(" ").toLowerCase();
}

function attributionOf(n: JustClickNotification): Attribution {
  return {
    utmSource: n.utm.source,
    utmMedium: n.utm.medium,
    utmCampaign: n.utm.campaign,
    utmContent: n.utm.content,
    utmTerm: n.utm.term,
    coupon: n.coupon,
  };
}

const NO_MILESTONES: Milestones = { createdAt: null, firstPrepaidAt: null, paidAt: null, refundedAt: null, cancelledAt: null };

export function applyNotification(store: IngestStore, n: JustClickNotification, notificationId: number, receivedAt: Date): Applied {
  const facts = eventFacts(n, receivedAt);
  let dedupeKey = facts.key;
  let possibleRepeat = false;

  let doubt: string | null = null;
  if (facts.kind === "PREPAID") {
    // Same amount as an earlier prepayment: a second instalment or a retry, the body cannot tell.
    // Record it as another instalment and flag the doubt; likewise prepayments beyond the order total
    // (the signature does not cover amounts, so a replayed body may carry any).
    const same = store.countEventsWithKeyPrefix(n.orderId, `${facts.key}:`);
    dedupeKey = `${facts.key}:${same + 1}`;
    if (same > 0) doubt = "same amount as an earlier prepayment of this order: recorded as another instalment, but it may be a repeated delivery";
    else if (store.sumPrepayments(n.orderId) + facts.amount! > n.total) doubt = "prepayments of this order now exceed its total: recorded, but it may be a repeated or altered delivery";
    possibleRepeat = doubt !== null;
  } else {
    const applied = store.findEvent(n.orderId, dedupeKey);
    if (applied) {
      return applied.fingerprint === facts.fingerprint
        ? { verdict: "DUPLICATE", reason: null }
        : { verdict: "CONFLICT", reason: describeConflict(applied, facts) };
    }
  }

  const order = store.findOrder(n.orderId);
  const utmBefore = store.utmContribution(n.orderId);
  const milestones = advanceMilestones(order ?? NO_MILESTONES, facts.kind, facts.occurredAt, n.createdAt);
  const status = deriveStatus(milestones);
  const incoming = { kind: facts.kind, at: facts.kind === "PAID" ? facts.occurredAt : null };
  const items = n.items.map((i) => ({ position: i.position, productId: i.productId, title: i.title, sum: i.sum, price: i.price, pincode: i.pincode }));

  // events carry the order's attribution, which the order's snapshot decides
  let attribution = order?.attribution ?? attributionOf(n);
  if (!order) {
    store.insertOrder(n.orderId, snapshotOf(n, incoming.kind, incoming.at), status, milestones, receivedAt);
    store.replaceItems(n.orderId, items);
  } else {
    store.updateOrderState(n.orderId, status, milestones, receivedAt);
    if (replacesSnapshot({ kind: order.snapshotKind, at: order.snapshotAt }, incoming)) {
      store.updateOrderSnapshot(n.orderId, snapshotOf(n, incoming.kind, incoming.at));
      store.replaceItems(n.orderId, items);
      attribution = attributionOf(n);
      store.syncAttribution(n.orderId, attribution);
    }
  }
  if (facts.kind === "PREPAID") store.addPrepaid(n.orderId, facts.amount!);

  const eventId = store.insertEvent({
    orderId: n.orderId,
    attribution,
    partnerFees: facts.kind === "PAID" ? n.items.reduce((sum, i) => sum + i.partners.reduce((s, p) => s + p.fee, 0), 0) : 0,
    kind: facts.kind,
    dedupeKey,
    occurredAt: facts.occurredAt,
    amount: facts.amount,
    orderTotal: facts.orderTotal,
    fingerprint: facts.fingerprint,
    possibleRepeat,
    notificationId,
  });

  if (facts.kind === "PAID" || facts.kind === "MONEYBACK") {
    for (const item of items) store.insertSoldItem(eventId, facts.kind, facts.occurredAt, n.orderId, item);
  }
  if (facts.kind === "PAID") recordPartnerFees(store, n, eventId, facts.occurredAt, milestones.refundedAt, receivedAt);
  if (facts.kind === "MONEYBACK" && store.settings().refundsReverseFees) {
    // fees not paid out yet are reversed; paid-out ones are never edited: each gets a clawback line
    store.reverseUnpaidFees(n.orderId, facts.occurredAt);
    store.clawBackPaidFees(n.orderId, facts.occurredAt);
    store.setMoneybackFees(eventId, facts.occurredAt, store.feesTakenBack(n.orderId, facts.occurredAt));
  }

  store.updateUtmTotals(utmBefore, store.utmContribution(n.orderId));
  return { verdict: "APPLIED", reason: doubt };
}

/**
 * One fee line per item, partner and level of a payment; a rebill that carries partners earns again.
 * A payment that arrives after its order's MoneyBack earns fees that are reversed from the start.
 */
function recordPartnerFees(store: IngestStore, n: JustClickNotification, eventId: number, earnedAt: Date, refundedAt: Date | null, now: Date) {
  const shares = n.items.flatMap((item) => item.partners.map((p) => ({ item, p })));
  if (shares.length === 0) return;
  const reversedAt = refundReaches(earnedAt, refundedAt, store.settings().refundsReverseFees) ? refundedAt : null;
  // a payment arriving after its MoneyBack: the refund took these fees back too
  if (reversedAt) store.addMoneybackFees(n.orderId, shares.reduce((sum, { p }) => sum + p.fee, 0));
  for (const { item, p } of shares) {
    store.upsertPartner(p.partnerId, p.login, now);
    store.insertFee({
      eventId,
      orderId: n.orderId,
      itemPosition: item.position,
      productId: item.productId,
      itemSum: item.sum,
      partnerId: p.partnerId,
      level: p.level,
      amount: p.fee,
      earnedAt,
      reversedAt,
    });
  }
}
