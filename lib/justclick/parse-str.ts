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

/** PHP's urldecode() on a string of ASCII, returning a binary string. */
export function urldecode(s: string): string {
  if (!s.includes("%") && !s.includes("+")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "+") out += " ";
    else if (c === "%" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out += c;
  }
  return out;
}

function nextIndex(arr: PhpArray): string {
  let max = -1;
  for (const key of arr.keys()) if (isIntegerKey(key) && Number(key) > max) max = Number(key);
  return String(max + 1);
}

/** Splits a decoded key into its base name and bracketed indexes the way PHP does; null = PHP drops it. */
function splitKey(rawKey: string): { base: string; path: (string | null)[] } | null {
  let key = rawKey.replace(/^ +/, "");
  const open = key.indexOf("[");
  let base = (open === -1 ? key : key.slice(0, open)).replace(/[ .]/g, "_");
  if (base === "") return null;
  if (open === -1) return { base, path: [] };

  const path: (string | null)[] = [];
  let rest = key.slice(open); // starts with "["
  while (rest.startsWith("[")) {
    if (path.length + 1 > PARSE_LIMITS.maxDepth) {
      throw new ParseError(`key "${rawKey.slice(0, 80)}" nests deeper than ${PARSE_LIMITS.maxDepth} levels`);
    }
    let inner = rest.slice(1);
    const close = inner.indexOf("]");
    const emptyIndex = inner.startsWith("]") || inner.startsWith(" ]");
    if (!emptyIndex && close === -1) {
      // An unclosed bracket: PHP turns it into "_" and keeps the rest, with " . [" as "_", as plain text.
      if (path.length === 0) {
        base = base + "_" + inner.replace(/[ .[]/g, "_");
        return { base, path: [] };
      }
      // Deeper down PHP ignores the unclosed part: the value goes to the path built so far.
      return { base, path };
    }
    if (emptyIndex) {
      path.push(null);
      inner = inner.slice(inner.indexOf("]") + 1);
    } else {
      path.push(inner.slice(0, close));
      inner = inner.slice(close + 1);
    }
    rest = inner;
  }
  return { base, path };
}

/** parse_str($body, $result); returns $result. */
export function parseStr(body: string): PhpArray {
  const result: PhpArray = new Map();
  let pairs = 0;
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    if (++pairs > PARSE_LIMITS.maxPairs) {
      throw new ParseError(`more than ${PARSE_LIMITS.maxPairs} fields in the body`);
    }
    const eq = pair.indexOf("=");
    const rawKey = urldecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : urldecode(pair.slice(eq + 1));
    const split = splitKey(rawKey);
    if (!split) continue;

    let target = result;
    let key: string | null = split.base;
    for (const index of split.path) {
      // descend into target[key], making it an array when it is missing or a string
      const slot: string = key === null ? nextIndex(target) : key;
      let child = target.get(slot);
      if (!(child instanceof Map)) {
        child = new Map();
        target.set(slot, child);
      }
      target = child;
      key = index;
    }
    target.set(key === null ? nextIndex(target) : key, value);
  }
  return result;
}

/** The parsed value as plain JSON-like data: arrays whose keys are all integers become lists, in PHP's iteration order. */
export function toPlain(value: PhpValue): unknown {
  if (typeof value === "string") return value;
  const keys = [...value.keys()];
  if (keys.length > 0 && keys.every(isIntegerKey)) return [...value.values()].map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of value) out[k] = toPlain(v);
  return out;
}
