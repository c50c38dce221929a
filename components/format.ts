/** How report figures other than money are written (money: lib/money.ts). */

const numberFormats = new Map<string, Intl.NumberFormat>();
const fmt = (locale: string, digits: number) => {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
  return f;
};

/** A count: "1 234" in ru-RU. */
export const formatCount = (n: number, locale: string) => fmt(locale, 0).format(n);

/** Basis points as a percentage: 7500 -> "75 %" in ru-RU, 1234 -> "12,3 %". */
export const formatRate = (bp: number, locale: string) => `${fmt(locale, 1).format(bp / 100)} %`;

/** Days with one decimal, or a dash when there is nothing to measure. */
export const formatDays = (days: number | null, locale: string) => (days === null ? "—" : `${fmt(locale, 1).format(days)} d`);

/** The change from the previous period's figure, "+12,5 %" or "−40 %"; null when there is nothing to compare with. */
export function formatChange(current: number, previous: number, locale: string): string | null {
  if (previous === 0) return current === 0 ? null : "new";
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  const text = fmt(locale, 1).format(Math.abs(pct));
  return pct === 0 ? "±0 %" : `${pct > 0 ? "+" : "−"}${text} %`;
}
