import { createHash } from "node:crypto";
import qs from "qs";

/**
 * The sending side of the format, for our notification generator and tests: what PHP's
 * http_build_query() makes of an array (RFC 1738 encoding, bracketed keys, nulls left out), and the
 * md5(id . email . paid . secret) signature JustClick adds.
 */
export function httpBuildQuery(fields: Record<string, unknown>): string {
  return qs.stringify(fields, { encoder: urlencode, skipNulls: true, arrayFormat: "indices" });
}

/** PHP's urlencode(): everything but letters, digits and "-_." is %-escaped, a space is "+". */
export function urlencode(value: unknown): string {
  return encodeURIComponent(String(value))
    .replace(/[!'()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");
}

/** The `hash` JustClick computes; `paid` is "" for notifications without a paid time. */
export function signatureOf(fields: { id: string; email?: string | null; paid?: string | null }, secret: string): string {
  return createHash("md5")
    .update(`${fields.id}${fields.email ?? ""}${fields.paid ?? ""}${secret}`, "utf8")
    .digest("hex");
}

/** A signed notification body, fields in the order given with `hash` last, as JustClick sends them. */
export function signedBody(fields: Record<string, unknown> & { id: string; email?: string | null; paid?: string | null }, secret: string): string {
  return httpBuildQuery({ ...fields, hash: signatureOf(fields, secret) });
}
