import { z } from "zod";
import { parseRange } from "../reports/range";
import type { DayRange } from "../time";
import type { ExportRequest } from "./export";
import { LINE_STATUSES } from "./ledger";

/** Whether the shop's locale writes decimals with a comma, as Russian spreadsheets expect (with ";"). */
export function usesDecimalComma(locale: string): boolean {
  return new Intl.NumberFormat(locale).format(1.5).includes(",");
}

const query = z.object({
  shape: z.enum(["partners", "lines"], { message: "must be partners or lines" }).default("partners"),
  level: z.enum(["1", "2"], { message: "must be 1 or 2" }).transform(Number).optional(),
  partner: z.string().regex(/^[0-9]{1,20}$/, "must be a numeric partner id").optional(),
  status: z.enum(LINE_STATUSES, { message: `must be one of ${LINE_STATUSES.join(", ")}` }).optional(),
  delimiter: z.enum(["comma", "semicolon"], { message: "must be comma or semicolon" }).optional(),
  decimal: z.enum(["dot", "comma"], { message: "must be dot or comma" }).optional(),
});

export type ExportQuery = { ok: true; range: DayRange; request: ExportRequest } | { ok: false; message: string };

/** GET /api/exports/partner-payouts's query: dates, filters and the CSV's format (defaults from the shop's locale). */
export function parseExportQuery(params: URLSearchParams, now: Date, timeZone: string, locale: string): ExportQuery {
  const range = parseRange({ from: params.get("from"), to: params.get("to") }, now, timeZone);
  if (!range.ok) return range;
  const parsed = query.safeParse(Object.fromEntries([...params].filter(([k, v]) => k !== "from" && k !== "to" && v !== "")));
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const q = parsed.data;
  const comma = usesDecimalComma(locale);
  const decimal = q.decimal ? (q.decimal === "comma" ? "," : ".") : comma ? "," : ".";
  const delimiter = q.delimiter ? (q.delimiter === "comma" ? "," : ";") : decimal === "," ? ";" : ",";
  return {
    ok: true,
    range: range.range,
    request: { shape: q.shape, filter: { level: q.level as 1 | 2 | undefined, partnerId: q.partner }, status: q.status, delimiter, decimal },
  };
}
