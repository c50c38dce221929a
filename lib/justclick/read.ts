import { decodeText } from "./body";
import { classifyWithHint, hintDisagreement, readHint } from "./classify";
import type { NotificationKind } from "./kinds";
import { ParseError, parseStr, stringField, toPlain, type PhpArray } from "./parse-str";
import { INVOICE_ID, readNotification, type JustClickNotification } from "./schema";
import { verifySignature, type SignatureForm } from "./signature";

/** What a notification body says, or at which step and why it is refused. */
export type Reading =
  | { ok: true; notification: JustClickNotification; signature: SignatureForm; hintNote: string | null }
  | {
      ok: false;
      /** "malformed" / "unclassifiable" / "invalid" are the sender's mistakes (400); "forged" a bad signature (403). */
      problem: "malformed" | "unclassifiable" | "forged" | "invalid";
      reason: string;
      kind: NotificationKind | null;
      orderId: string | null;
      hintNote: string | null;
    };

/**
 * Reads a notification body: PHP-parses it, classifies it, checks its signature over the bytes as
 * received, then decodes and validates the fields. The query string's hint is compared, never obeyed.
 */
export function readNotificationBody(body: Uint8Array, charset: string, query: URLSearchParams, secret: string): Reading {
  let fields: PhpArray;
  try {
    fields = parseStr(Buffer.from(body).toString("latin1"));
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, problem: "malformed", reason: e.message, kind: null, orderId: null, hintNote: null };
    throw e;
  }
  const rawId = stringField(fields, "id");
  const orderId = rawId !== undefined && INVOICE_ID.test(rawId) ? rawId : null;

  const hint = readHint(query);
  const classification = classifyWithHint(fields, hint);
  const kind = classification.ok ? classification.kind : null;
  const hintNote = classification.ok
    ? classification.byHint
      ? "no type in the payload: taken as created because it came to the created-invoice URL"
      : hintDisagreement(hint, classification.kind)
    : hint.note;

  const signature = verifySignature(fields, secret);
  if (!signature.ok) return { ok: false, problem: "forged", reason: signature.reason, kind, orderId, hintNote };
  if (!classification.ok) return { ok: false, problem: "unclassifiable", reason: classification.reason, kind, orderId, hintNote };

  let plain: unknown;
  try {
    plain = toPlain(fields, (binary) => decodeText(binary, charset));
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, problem: "malformed", reason: `${e.message} is not valid ${charset}`, kind, orderId, hintNote };
    throw e;
  }
  const checked = readNotification(classification.kind, plain);
  if (!checked.ok) return { ok: false, problem: "invalid", reason: checked.reason, kind, orderId, hintNote };

  return {
    ok: true,
    notification: checked.notification,
    signature: signature.form,
    hintNote,
  };
}
