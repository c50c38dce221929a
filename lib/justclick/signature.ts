import { createHash, timingSafeEqual } from "node:crypto";
import { stringField, type PhpArray } from "./parse-str";

/**
 * Which form of md5(id . email . paid . secret) matched: with the `paid` time, with an empty string in
 * its place, or with the `created` time (JustClick's docs contradict themselves for notifications
 * without `paid`, so both are accepted there and the one that matched is recorded).
 */
export type SignatureForm = "paid" | "empty" | "created";

export type SignatureCheck = { ok: true; form: SignatureForm } | { ok: false; reason: string };

const raw = (fields: PhpArray, name: string) => stringField(fields, name) ?? "";

function md5(binary: string): Buffer {
  return createHash("md5").update(Buffer.from(binary, "latin1")).digest();
}

/**
 * Checks `hash` over the decoded values exactly as received (binary strings: nothing trimmed or
 * lower-cased), comparing digests in constant time. The secret is the shop's JustClick API key.
 */
export function verifySignature(fields: PhpArray, secret: string): SignatureCheck {
  const hash = fields.get("hash");
  if (hash === undefined || hash === "") return { ok: false, reason: "hash is missing" };
  if (typeof hash !== "string" || !/^[0-9a-fA-F]{32}$/.test(hash)) return { ok: false, reason: "hash is not 32 hex digits" };
  const given = Buffer.from(hash, "hex");

  const id = raw(fields, "id");
  const email = raw(fields, "email");
  const paid = raw(fields, "paid");
  const key = Buffer.from(secret, "utf8").toString("latin1");
  const forms: [SignatureForm, string][] =
    paid !== "" ? [["paid", paid]] : [["empty", ""], ["created", raw(fields, "created")]];

  let matched: SignatureForm | null = null;
  for (const [form, time] of forms) {
    // every form is compared, so the time taken does not depend on which one matched
    if (timingSafeEqual(md5(id + email + time + key), given) && matched === null) matched = form;
  }
  return matched ? { ok: true, form: matched } : { ok: false, reason: "hash does not match (wrong secret key or altered id/email/paid)" };
}
