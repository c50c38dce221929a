/**
 * PHP's parse_str(), reimplemented: JustClick is PHP and so are the receivers its docs describe, so a
 * body must mean here exactly what it means to PHP. Rules (php_default_treat_data and
 * php_register_variable_ex in php-src main/php_variables.c):
 * - pairs split on "&", empty pairs skipped; a pair without "=" has the value "";
 * - keys and values urldecoded ("+" is a space, malformed %-escapes kept literally);
 * - leading spaces of a key dropped; " " and "." in the base name become "_";
 * - `a[x][y]` nests, `a[]` appends after the largest integer key so far; an unclosed "[" turns into "_";
 *   anything after the last "]" is ignored; a later value for the same key replaces the earlier one;
 * - canonical decimal integer keys ("7", "-3", not "07") are integer keys, as in PHP arrays.
 * Unlike PHP we never drop input silently: where PHP would (max_input_vars, max_input_nesting_level),
 * we refuse the body with a ParseError instead.
 *
 * Strings stay "binary strings" (one char per byte, latin1) here; decoding them to text with the
 * body's charset is the caller's job, after the signature has been checked over the exact bytes.
 */

export type PhpValue = string | PhpArray;
/** A PHP array: insertion-ordered; integer keys are stored as their decimal strings. */
export type PhpArray = Map<string, PhpValue>;

export class ParseError extends Error {}

export const PARSE_LIMITS = {
  /** Far above anything JustClick sends (80 items with two partners each is about 1,100 pairs). */
  maxPairs: 20_000,
  /** PHP's default max_input_nesting_level. */
  maxDepth: 64,
};

const INTEGER_KEY = /^(0|-?[1-9][0-9]*)$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function isIntegerKey(key: string): boolean {
  // PHP only treats it as an integer key when it fits a 64-bit signed integer
  if (!INTEGER_KEY.test(key)) return false;
  const n = BigInt(key);
  return n >= INT64_MIN && n <= INT64_MAX;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 70) return c - 55; // A-F
  if (c >= 97 && c <= 102) return c - 87; // a-f
  return -1;
}

/** A top-level field's value when it is a single string (not an array), else undefined. */
export function stringField(fields: PhpArray, name: string): string | undefined {
  const v = fields.get(name);
  return typeof v === "string" ? v : undefined;
}

/** PHP's urldecode() on a binary string, returning a binary string. */
export function urldecode(s: string): string {
  if (s.indexOf("%") === -1 && s.indexOf("+") === -1) return s;
  // a byte loop: Cyrillic text is mostly %XX escapes, and a regex callback per escape is slow
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 /* + */) {
      out[n++] = 32;
    } else if (c === 37 /* % */ && i + 2 < s.length && hexValue(s.charCodeAt(i + 1)) >= 0 && hexValue(s.charCodeAt(i + 2)) >= 0) {
      out[n++] = hexValue(s.charCodeAt(i + 1)) * 16 + hexValue(s.charCodeAt(i + 2));
      i += 2;
    } else {
      out[n++] = c; // binary strings hold bytes: char codes are 0-255
    }
  }
  return out.toString("latin1", 0, n);
}

// PHP's nNextFreeElement: one past the largest integer key so far (so after a lone -5 it is -4), 0 in
// an array without one. Kept per array rather than recomputed, so `a[]=` appends stay linear.
const nextFree = new WeakMap<PhpArray, number>();

function setKey(arr: PhpArray, key: string | null, value: PhpValue): void {
  const slot = key ?? String(nextFree.get(arr) ?? 0);
  arr.set(slot, value);
  if (isIntegerKey(slot)) {
    const next = nextFree.get(arr);
    const n = Number(slot);
    if (next === undefined || n + 1 > next) nextFree.set(arr, n + 1);
  }
}

function child(arr: PhpArray, key: string | null): PhpArray {
  const existing = key === null ? undefined : arr.get(key);
  if (existing instanceof Map) return existing;
  const created: PhpArray = new Map();
  setKey(arr, key, created);
  return created;
}

const NO_PATH: (string | null)[] = [];

function splitKey(rawKey: string): { base: string; path: (string | null)[] } | null {
  let start = 0;
  while (rawKey.charCodeAt(start) === 32) start++;
  const open = rawKey.indexOf("[", start);
  let base = open === -1 ? rawKey.slice(start) : rawKey.slice(start, open);
  if (base.includes(" ") || base.includes(".")) base = base.replace(/[ .]/g, "_");
  if (base === "") return null;
  if (open === -1) return { base, path: NO_PATH };

  const path: (string | null)[] = [];
  let pos = open; // at a "["
  while (rawKey.charCodeAt(pos) === 91 /* [ */) {
    if (path.length + 1 > PARSE_LIMITS.maxDepth) {
      throw new ParseError(`key "${rawKey.slice(0, 80)}" nests deeper than ${PARSE_LIMITS.maxDepth} levels`);
    }
    const inner = pos + 1;
    const close = rawKey.indexOf("]", inner);
    if (close === -1) {
      // An unclosed bracket: at the top PHP turns it into "_" and keeps the rest as plain text (with
      // " . [" as "_"); deeper down it ignores the unclosed part and stores at the path built so far.
      if (path.length === 0) return { base: base + "_" + rawKey.slice(inner).replace(/[ .[]/g, "_"), path: NO_PATH };
      return { base, path };
    }
    // "[]" and "[ ]" append; anything else is the index, leading space included
    const empty = close === inner || (close === inner + 1 && rawKey.charCodeAt(inner) === 32);
    path.push(empty ? null : rawKey.slice(inner, close));
    pos = close + 1; // anything after the last "]" that is not "[" is ignored
  }
  return { base, path };
}

/** parse_str($body, $result); returns $result. */
export function parseStr(body: string): PhpArray {
  const result: PhpArray = new Map();
  // PHP reads the body as a C string: it ends at the first NUL byte
  const nul = body.indexOf("\0");
  const text = nul === -1 ? body : body.slice(0, nul);
  let pairs = 0;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    if (++pairs > PARSE_LIMITS.maxPairs) {
      throw new ParseError(`more than ${PARSE_LIMITS.maxPairs} fields in the body`);
    }
    const eq = pair.indexOf("=");
    let rawKey = urldecode(eq === -1 ? pair : pair.slice(0, eq));
    // ... and so does a variable name, even a %00 in it
    const keyNul = rawKey.indexOf("\0");
    if (keyNul !== -1) rawKey = rawKey.slice(0, keyNul);
    const value = eq === -1 ? "" : urldecode(pair.slice(eq + 1));
    const split = splitKey(rawKey);
    if (!split) continue;

    // descend into target[key] for each index, making it an array when it is missing or a string
    let target = result;
    let key: string | null = split.base;
    for (const index of split.path) {
      target = child(target, key);
      key = index;
    }
    setKey(target, key, value);
  }
  return result;
}

/**
 * The parsed value as plain JSON-like data: arrays whose keys are all integers become lists, in PHP's
 * iteration order. `text` turns each binary string into text; it returns null when the bytes are not
 * valid, and that is reported with the field's name.
 */
export function toPlain(value: PhpValue, text: (binary: string) => string | null = (s) => s, path = ""): unknown {
  if (typeof value === "string") {
    const decoded = text(value);
    if (decoded === null) throw new ParseError(path || "a field");
    return decoded;
  }
  let list = value.size > 0;
  for (const k of value.keys()) {
    if (!isIntegerKey(k)) {
      list = false;
      break;
    }
  }
  if (list) {
    const out: unknown[] = [];
    for (const [k, v] of value) out.push(toPlain(v, text, path ? `${path}[${k}]` : k));
    return out;
  }
  // no prototype: a "__proto__" key is just a key, not a way to smuggle in inherited fields
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of value) out[k] = toPlain(v, text, path ? `${path}[${k}]` : k);
  return out;
}
