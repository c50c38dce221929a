/**
 * Receiving a notification end to end: keep the raw delivery, check and read it, apply it, record the
 * verdict. Every outcome is an HTTP status and a short text for JustClick (and whoever is debugging
 * the integration); nothing here throws for bad input.
 */
import type { Verdict } from "../generated/prisma/client";
import { writer } from "../db";
import { checkContentType, MAX_BODY_BYTES } from "../justclick/body";
import type { NotificationKind } from "../justclick/kinds";
import { readNotificationBody, type Reading } from "../justclick/read";
import { applyNotification } from "./apply";
import { EVENT_KIND } from "./order-state";

export interface Delivery {
  /** The body, or null when it was larger than MAX_BODY_BYTES (then `size` says how large). */
  body: Uint8Array | null;
  size: number;
  contentType: string | null;
  /** The hook URL's query string without "?", e.g. "type=paid". */
  query: string;
  /** The shop's JustClick API key, or null when none is configured. */
  secret: string | null;
}

export interface HookResponse {
  status: number;
  body: string;
}

const respond = (status: number, body: string): HookResponse => ({ status, body });

const STATUS_OF: Record<Exclude<Reading, { ok: true }>["problem"], number> = {
  malformed: 400,
  unclassifiable: 400,
  invalid: 400,
  forged: 403,
};

function kindOf(kind: NotificationKind | null | undefined) {
  return kind ? EVENT_KIND[kind] : null;
}

/** Writes the delivery to the log as received; its own transaction, so it stays even if applying fails. */
async function keepRaw(d: Delivery, verdict: Verdict, reason: string | null): Promise<{ id: number; receivedAt: Date }> {
  const prisma = await writer();
  return prisma.$transaction((tx) =>
    tx.notification.create({
      data: { body: d.body ?? new Uint8Array(), contentType: d.contentType, query: d.query || null, verdict, reason },
      select: { id: true, receivedAt: true },
    }),
  );
}

async function setVerdict(id: number, fields: { kind?: NotificationKind | null; orderId?: string | null; verdict: Verdict; reason?: string | null; signature?: string | null }) {
  const prisma = await writer();
  await prisma.$transaction((tx) =>
    tx.notification.update({
      where: { id },
      data: { kind: kindOf(fields.kind), orderId: fields.orderId ?? null, verdict: fields.verdict, reason: fields.reason ?? null, signature: fields.signature ?? null },
    }),
  );
}

const joinReasons = (...reasons: (string | null | undefined)[]) => reasons.filter(Boolean).join("; ") || null;

export async function receiveNotification(d: Delivery): Promise<HookResponse> {
  // Refusals that need nothing read are still logged, so the shop owner can see what hit the URL.
  if (d.body === null) {
    const reason = `body of ${d.size} bytes is larger than the ${MAX_BODY_BYTES / 1024 / 1024} MiB limit`;
    return logOnly(d, "INVALID", reason, 413);
  }
  const format = checkContentType(d.contentType);
  if (!format.ok) return logOnly(d, "INVALID", format.reason, 415);

  let logged: { id: number; receivedAt: Date };
  try {
    logged = await keepRaw(d, "RECEIVED", null);
  } catch (e) {
    console.error("hook: could not store the notification", e);
    return respond(503, "Database unavailable, notification not stored; please retry");
  }

  try {
    if (!d.secret) {
      const reason = "JUSTCLICK_SECRET_KEY is not configured, so the signature cannot be checked; stored, not applied";
      await setVerdict(logged.id, { verdict: "REJECTED", reason });
      return respond(503, "Not configured: set JUSTCLICK_SECRET_KEY to the shop's JustClick API key");
    }

    const reading = readNotificationBody(d.body, format.charset, new URLSearchParams(d.query), d.secret);
    if (!reading.ok) {
      const verdict = reading.problem === "forged" ? "REJECTED" : "INVALID";
      await setVerdict(logged.id, { kind: reading.kind, orderId: reading.orderId, verdict, reason: reading.reason });
      return respond(STATUS_OF[reading.problem], reading.problem === "forged" ? `Forbidden: ${reading.reason}` : `Bad notification: ${reading.reason}`);
    }

    const n = reading.notification;
    const prisma = await writer();
    await prisma.$transaction(async (tx) => {
      const result = await applyNotification(tx, n, logged.id, logged.receivedAt);
      await tx.notification.update({
        where: { id: logged.id },
        data: {
          kind: EVENT_KIND[n.kind],
          orderId: n.orderId,
          verdict: result.verdict,
          reason: joinReasons(result.reason, reading.hintNote),
          signature: reading.signature,
        },
      });
    });
    // JustClick only needs to know it arrived: a duplicate or a conflict must not make it retry.
    // What happened is in the notifications log.
    return respond(200, "OK");
  } catch (e) {
    console.error(`hook: notification ${logged.id} stored but not applied`, e);
    await setVerdict(logged.id, { verdict: "RECEIVED", reason: `not applied: database error (${(e as Error).message?.slice(0, 200)})` }).catch(() => {});
    return respond(503, "Database unavailable, notification stored but not applied; please retry");
  }
}

async function logOnly(d: Delivery, verdict: Verdict, reason: string, status: number): Promise<HookResponse> {
  try {
    await keepRaw(d, verdict, reason);
  } catch (e) {
    console.error("hook: could not log a refused notification", e);
  }
  return respond(status, status === 413 ? `Payload too large: ${reason}` : `Unsupported media type: ${reason}`);
}
