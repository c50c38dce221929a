/**
 * Receiving a notification end to end: keep the raw delivery, check and read it, apply it, record the
 * verdict. Every outcome is an HTTP status and a short text for JustClick (and whoever is debugging
 * the integration); nothing here throws for bad input.
 */
import { config } from "../config";
import { writeDb } from "../db";
import type { Verdict } from "../generated/prisma/enums";
import { checkContentType, MAX_BODY_BYTES } from "../justclick/body";
import type { NotificationKind } from "../justclick/kinds";
import { readNotificationBody, type Reading } from "../justclick/read";
import { applyNotification } from "./apply";
import { EVENT_KIND } from "./order-state";
import { ingestStore, type IngestStore } from "./store";

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

const kindOf = (kind: NotificationKind | null) => (kind ? EVENT_KIND[kind] : null);
const joinReasons = (...reasons: (string | null)[]) => reasons.filter(Boolean).join("; ") || null;

/**
 * Receives one delivery; resolves with what to answer once its transaction is committed.
 *
 * Deliveries that arrive together are committed together ("group commit"): a commit writes every
 * database page the transaction touched, about 25 pages for a paid order, and consecutive
 * notifications share most of them (the ends of the log, the event ledger and their indexes). Under
 * load this lets the endpoint keep up with the framework; a lone delivery is committed at once.
 */
export function receiveNotification(d: Delivery): Promise<HookResponse> {
  return new Promise((resolve) => {
    pending.push({ delivery: d, receivedAt: new Date(), resolve });
    if (pending.length === 1) setImmediate(commitPending);
  });
}

interface Pending {
  delivery: Delivery;
  receivedAt: Date;
  resolve: (r: HookResponse) => void;
}

let pending: Pending[] = [];

const NOT_STORED = respond(503, "Database unavailable, notification not stored; please retry");

function commitPending() {
  const batch = pending;
  pending = [];
  let answers: HookResponse[];
  try {
    answers = receiveBatch(ingestStore(writeDb(), config().timeZone), batch);
  } catch (e) {
    console.error("hook: could not store notifications", e);
    answers = batch.map(() => NOT_STORED);
  }
  batch.forEach((p, i) => p.resolve(answers[i]!));
}

/**
 * Stores and applies deliveries in one transaction, each applied in its own savepoint; what to answer
 * each. The hook's group commit, and bulk loading (the seed command) with arrival times of its own.
 */
export interface Received {
  delivery: Delivery;
  receivedAt: Date;
  /** The body already read (bulk loading reads in a worker thread); read here when absent. */
  reading?: Reading;
}

export function receiveBatch(store: IngestStore, batch: Received[]): HookResponse[] {
  try {
    return store.transaction(() => batch.map((p) => receiveOne(store, p)));
  } catch (e) {
    if (batch.length === 1) throw e;
    // One delivery's failure outside its savepoint must not cost the others: each on its own.
    return batch.map((p) => {
      try {
        return store.transaction(() => receiveOne(store, p));
      } catch (e) {
        console.error("hook: could not store a notification", e);
        return NOT_STORED;
      }
    });
  }
}

/** Within the batch's transaction: keep the raw delivery, then judge and apply it in a savepoint. */
function receiveOne(store: IngestStore, { delivery: d, receivedAt, reading }: Received): HookResponse {
  const keep = (verdict: Verdict, reason: string | null) =>
    store.insertNotification({ receivedAt, body: d.body ?? new Uint8Array(), contentType: d.contentType, query: d.query || null, verdict, reason });

  // Refusals that need nothing read are logged too, so the shop owner sees what hit the URL.
  if (d.body === null) {
    const reason = `body of ${d.size} bytes is larger than the ${MAX_BODY_BYTES / 1024 / 1024} MiB limit`;
    keep("INVALID", reason);
    return respond(413, `Payload too large: ${reason}`);
  }
  const format = checkContentType(d.contentType);
  if (!format.ok) {
    keep("INVALID", format.reason);
    return respond(415, `Unsupported media type: ${format.reason}`);
  }

  // The raw delivery is written first and stays whatever happens next: applying runs in a savepoint,
  // so a failure there undoes only the apply.
  const id = keep("RECEIVED", null);
  const body = d.body;
  return judgeSafely(store, id, () => reading ?? readNotificationBody(body, format.charset, new URLSearchParams(d.query), d.secret ?? ""), d.secret, receivedAt);
}

/** Judges a stored delivery in a savepoint: a failure there (not the sender's fault) undoes only the apply. */
function judgeSafely(store: IngestStore, id: number, read: () => Reading, secret: string | null, receivedAt: Date): HookResponse {
  try {
    return store.savepoint(() => judge(store, id, read, secret, receivedAt));
  } catch (e) {
    // Not the sender's fault (bad input never throws): the database, or a bug. Stored; a retry may work.
    console.error(`hook: notification ${id} stored but not applied`, e);
    store.markNotApplied(id, `not applied: ${String((e as Error).message).slice(0, 200)}`);
    return respond(503, "Stored but not applied because of a server error; please retry");
  }
}

/** Reads the stored delivery, applies it when it is good, records the verdict, and says what to answer. */
function judge(store: IngestStore, id: number, read: () => Reading, secret: string | null, receivedAt: Date): HookResponse {
  if (!secret) {
    const reason = "JUSTCLICK_SECRET_KEY is not configured, so the signature cannot be checked; stored, not applied";
    store.updateNotification(id, { kind: null, orderId: null, verdict: "REJECTED", reason, signature: null });
    return respond(503, "Not configured: set JUSTCLICK_SECRET_KEY to the shop's JustClick API key");
  }

  const reading = read();
  if (!reading.ok) {
    const verdict = reading.problem === "forged" ? "REJECTED" : "INVALID";
    const reason = joinReasons(reading.reason, reading.hintNote);
    store.updateNotification(id, { kind: kindOf(reading.kind), orderId: reading.orderId, verdict, reason, signature: null });
    return respond(STATUS_OF[reading.problem], reading.problem === "forged" ? `Forbidden: ${reading.reason}` : `Bad notification: ${reading.reason}`);
  }

  const n = reading.notification;
  const result = applyNotification(store, n, id, receivedAt);
  store.updateNotification(id, {
    kind: EVENT_KIND[n.kind],
    orderId: n.orderId,
    verdict: result.verdict,
    reason: joinReasons(result.reason, reading.hintNote),
    signature: reading.signature,
  });
  // JustClick only needs to know it arrived: a duplicate or a conflict must not make it retry.
  // What happened is in the notifications log.
  return respond(200, "OK");
}

export type Reapplied = { id: number; outcome: "applied" | "refused" | "skipped"; verdict: Verdict | null; message: string };

/** Deliveries that were kept but not applied: received while no key was set, rejected, or invalid. */
export function canReapply(verdict: Verdict): boolean {
  return verdict === "RECEIVED" || verdict === "REJECTED" || verdict === "INVALID";
}

/**
 * Judges a stored delivery again, the way it was judged on arrival (same secret check, same reading,
 * same apply, its original arrival time), e.g. after JUSTCLICK_SECRET_KEY was set or corrected. Only
 * deliveries that were not applied can be. One whose exact body has been applied since for its order is
 * JustClick's retry of what we refused: it is marked a duplicate, not applied a second time (that would
 * count a prepayment twice, since prepayments carry nothing that tells two instalments apart).
 */
export function reapplyNotification(store: IngestStore, id: number, secret: string | null): Reapplied {
  return store.transaction((): Reapplied => {
    const row = store.storedNotification(id);
    if (!row) return { id, outcome: "skipped", verdict: null, message: "no such notification" };
    if (!canReapply(row.verdict)) return { id, outcome: "skipped", verdict: row.verdict, message: `already ${row.verdict.toLowerCase()}` };
    const format = checkContentType(row.contentType);
    if (!format.ok || row.body.byteLength === 0) return { id, outcome: "skipped", verdict: row.verdict, message: "nothing to apply: the body was refused on arrival" };
    const twin = row.orderId ? store.appliedTwin(row.orderId, id, row.body) : undefined;
    if (twin) {
      const reason = `the same body was applied since as notification #${twin.id}`;
      store.updateNotification(id, { kind: twin.kind, orderId: row.orderId, verdict: "DUPLICATE", reason, signature: null });
      return { id, outcome: "skipped", verdict: "DUPLICATE", message: reason };
    }
    const body = row.body;
    const answer = judgeSafely(store, id, () => readNotificationBody(body, format.charset, new URLSearchParams(row.query ?? ""), secret ?? ""), secret, row.receivedAt);
    const verdict = store.storedNotification(id)!.verdict;
    return { id, outcome: answer.status === 200 ? "applied" : "refused", verdict, message: answer.body };
  });
}

/** At most this many deliveries are re-judged per request, so one click never holds the database for long. */
export const REAPPLY_BATCH = 1000;

/**
 * Re-judges stored deliveries with the secret configured now, oldest first (so an invoice goes in before
 * its payment, as they arrived): the given ones, or the next REAPPLY_BATCH rejected ones that arrived in
 * [start, end) after id `afterId` (the last one a previous batch tried).
 */
export function reapplyStored(which: { ids: number[] } | { rejectedFrom: Date; rejectedTo: Date; afterId?: number }): Reapplied[] {
  const store = ingestStore(writeDb(), config().timeZone);
  const ids = "ids" in which ? [...which.ids].sort((a, b) => a - b) : store.rejectedIds(which.rejectedFrom, which.rejectedTo, which.afterId ?? 0, REAPPLY_BATCH);
  return ids.map((id) => reapplyNotification(store, id, config().justclickSecret));
}
