/** The HTTP envelope of a notification: content type, charset, size. */

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyFormat = { ok: true; charset: string } | { ok: false; reason: string };

/**
 * JustClick posts application/x-www-form-urlencoded, UTF-8 (seen). A charset parameter is honoured
 * when one comes (e.g. windows-1251); anything the platform's TextDecoder cannot read is refused.
 */
export function checkContentType(header: string | null): BodyFormat {
  if (!header) return { ok: false, reason: "Content-Type is missing; expected application/x-www-form-urlencoded" };
  const [mediaType = "", ...params] = header.split(";").map((p) => p.trim());
  if (mediaType.toLowerCase() !== "application/x-www-form-urlencoded") {
    return { ok: false, reason: `Content-Type ${mediaType || "(empty)"} is not accepted; expected application/x-www-form-urlencoded` };
  }
  let charset = "utf-8";
  for (const param of params) {
    const [name, value] = param.split("=", 2);
    if (name?.trim().toLowerCase() === "charset" && value) charset = value.trim().replace(/^"|"$/g, "").toLowerCase();
  }
  try {
    new TextDecoder(charset);
  } catch {
    return { ok: false, reason: `charset ${charset} is not supported` };
  }
  return { ok: true, charset };
}

const decoders = new Map<string, TextDecoder>();

/** Turns a binary string (one char per byte) into text in the body's charset; null when the bytes are not valid in it. */
export function decodeText(binary: string, charset: string): string | null {
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  let decoder = decoders.get(charset);
  if (!decoder) {
    decoder = new TextDecoder(charset, { fatal: true });
    decoders.set(charset, decoder);
  }
  try {
    return decoder.decode(Buffer.from(binary, "latin1"));
  } catch {
    return null;
  }
}
