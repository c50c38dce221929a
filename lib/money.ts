/**
 * Money is integer minor units (kopecks, cents) everywhere; these are the only places amounts turn
 * from text into numbers and back.
 */

// Up to 10 integer digits (under ten billion): far above any real invoice, and sums of them stay exact
// integers in JavaScript (2^53) for millions of notifications.
const PLAIN_DECIMAL = /^([0-9]{1,10})(?:\.([0-9]{1,2}))?$/;

/**
 * "990" -> 99000, "1499.5" -> 149950; null for anything that is not a plain non-negative decimal with
 * at most two fraction digits and ten integer digits.
 */
export function parseMoney(text: string): number | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 149950 -> "1499.50"; -500 -> "-5.00". Exact: no floating point involved. */
export function toDecimalString(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an amount in minor units: ${minor}`);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * 149950 in RUB for ru-RU -> "1 499,50 ₽", 99000 -> "990 ₽" (whole amounts without kopecks, as shops price).
 * Intl formats the decimal string, so nothing is rounded through a float.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minor % 100 === 0 ? 0 : 2;
  const key = `${locale}|${currency}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(toDecimalString(minor) as unknown as number);
}
