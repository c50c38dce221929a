/**
 * Applies one validated notification to the database, inside the caller's transaction.
 */
import type { Prisma, Verdict } from "../generated/prisma/client";
import type { JustClickNotification } from "../justclick/schema";
import { advanceMilestones, deriveStatus, describeConflict, eventFacts, feeReversal, replacesSnapshot, type Milestones } from "./order-state";

type Tx = Prisma.TransactionClient;

export interface Applied {
  verdict: Extract<Verdict, "APPLIED" | "DUPLICATE" | "CONFLICT">;
  reason: string | null;
}

/** The order's descriptive fields as a notification gives them. */
function snapshotFields(n: JustClickNotification) {
  return {
    total: n.total,
    email: n.email,
    emailLower: n.email?.toLowerCase() ?? null,
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
  };
}

const NO_MILESTONES: Milestones = { createdAt: null, firstPrepaidAt: null, paidAt: null, refundedAt: null, cancelledAt: null };

export async function applyNotification(tx: Tx, n: JustClickNotification, notificationId: number, receivedAt: Date): Promise<Applied> {
  const facts = eventFacts(n, receivedAt);
  let dedupeKey = facts.key;
  let possibleRepeat = false;

  if (facts.kind === "PREPAID") {
    // Same amount as an earlier prepayment: a second instalment or a retry; the body cannot tell.
    // Record it as another instalment and flag the doubt.
    const same = await tx.orderEvent.count({ where: { orderId: n.orderId, dedupeKey: { startsWith: `${facts.key}:` } } });
    dedupeKey = `${facts.key}:${same + 1}`;
    possibleRepeat = same > 0;
  } else {
    const applied = await tx.orderEvent.findUnique({
      where: { orderId_dedupeKey: { orderId: n.orderId, dedupeKey } },
      select: { fingerprint: true, amount: true, orderTotal: true },
    });
    if (applied) {
      return applied.fingerprint === facts.fingerprint
        ? { verdict: "DUPLICATE", reason: null }
        : { verdict: "CONFLICT", reason: describeConflict(applied, facts) };
    }
  }

  const order = await tx.order.findUnique({
    where: { id: n.orderId },
    select: { snapshotKind: true, snapshotAt: true, createdAt: true, firstPrepaidAt: true, paidAt: true, refundedAt: true, cancelledAt: true },
  });
  const milestones = advanceMilestones(order ?? NO_MILESTONES, facts.kind, facts.occurredAt, n.createdAt);
  const incoming = { kind: facts.kind, at: facts.kind === "PAID" ? facts.occurredAt : null };
  const replace = replacesSnapshot(order && { kind: order.snapshotKind, at: order.snapshotAt }, incoming);
  const state = { ...milestones, status: deriveStatus(milestones) };
  const snapshot = replace ? { ...snapshotFields(n), snapshotKind: incoming.kind, snapshotAt: incoming.at } : {};
  const items = n.items.map((i) => ({ position: i.position, productId: i.productId, title: i.title, sum: i.sum, price: i.price, pincode: i.pincode }));

  if (!order) {
    await tx.order.create({
      data: { id: n.orderId, ...snapshotFields(n), snapshotKind: incoming.kind, snapshotAt: incoming.at, ...state, items: { create: items } },
    });
  } else {
    await tx.order.update({
      where: { id: n.orderId },
      data: { ...snapshot, ...state, ...(replace ? { items: { deleteMany: {}, create: items } } : {}) },
    });
  }

  const event = await tx.orderEvent.create({
    data: {
      orderId: n.orderId,
      kind: facts.kind,
      dedupeKey,
      occurredAt: facts.occurredAt,
      amount: facts.amount,
      orderTotal: facts.orderTotal,
      fingerprint: facts.fingerprint,
      possibleRepeat,
      notificationId,
    },
    select: { id: true },
  });

  if (facts.kind === "PAID") await recordPartnerFees(tx, n, event.id, facts.occurredAt, milestones.refundedAt);
  if (facts.kind === "MONEYBACK") {
    await tx.partnerFee.updateMany({
      where: { orderId: n.orderId, reversedAt: null, earnedAt: { lte: facts.occurredAt } },
      data: { reversedAt: facts.occurredAt },
    });
  }

  return {
    verdict: "APPLIED",
    reason: possibleRepeat ? "same amount as an earlier prepayment of this order: recorded as another instalment, but it may be a repeated delivery" : null,
  };
}

/** One fee line per item, partner and level of a payment; a rebill that carries partners earns again. */
async function recordPartnerFees(tx: Tx, n: JustClickNotification, eventId: number, earnedAt: Date, refundedAt: Date | null) {
  const lines = n.items.flatMap((item) =>
    item.partners.map((p) => ({
      eventId,
      orderId: n.orderId,
      itemPosition: item.position,
      productId: item.productId,
      itemSum: item.sum,
      partnerId: p.partnerId,
      level: p.level,
      amount: p.fee,
      earnedAt,
      reversedAt: feeReversal(earnedAt, refundedAt),
    })),
  );
  if (lines.length === 0) return;
  const partners = new Map(n.items.flatMap((i) => i.partners.map((p) => [p.partnerId, p.login] as const)));
  for (const [id, login] of partners) {
    await tx.partner.upsert({ where: { id }, create: { id, login }, update: { login } });
  }
  await tx.partnerFee.createMany({ data: lines });
}
