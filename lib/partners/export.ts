/**
 * The partner payouts CSV, in two shapes: one row per partner and level (the report's figures) or one
 * row per fee line. Made for spreadsheets: UTF-8 with a BOM (so Excel reads Cyrillic right), CRLF,
 * RFC 4180 quoting, a choice of delimiter and decimal mark (Russian Excel expects ";" and ","), amounts
 * as plain decimals in the shop's currency, times as "YYYY-MM-DD HH:mm:ss" on the shop's clock, and
 * text that a spreadsheet would run as a formula neutralised. Written by csv-stringify; the lines
 * shape streams page by page, so memory stays flat however many lines there are.
 */
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { PrismaClient } from "../generated/prisma/client";
import { toDecimalString } from "../money";
import type { LineStatus } from "./ledger";
import { countFeeLines, getFeeLines, getPartnerReport, type LedgerContext, type PartnerFilter } from "./report";

export interface CsvFormat {
  delimiter: "," | ";";
  decimal: "." | ",";
}

export interface ExportRequest extends CsvFormat {
  shape: "partners" | "lines";
  filter: PartnerFilter;
  status?: LineStatus;
}

const PAGE = 2000;

/** "partner-payouts_школа-example_2024-06-01_2024-06-30_lines.csv", Cyrillic kept (see contentDisposition). */
export function exportFilename(shopName: string, c: LedgerContext, shape: ExportRequest["shape"]): string {
  const slug = shopName.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, "-").replace(/^-+|-+$/g, "") || "shop";
  return `partner-payouts_${slug}_${c.range.from}_${c.range.to}_${shape}.csv`;
}

/** An attachment header: the UTF-8 name for browsers (RFC 6266), an ASCII-only one for the rest. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]+/g, "").replace(/["\\]/g, "").replace(/_-|-_/g, "_").replace(/__+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function localTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd HH:mm:ss");
}

async function* partnerRows(prisma: PrismaClient, c: LedgerContext, req: ExportRequest, currency: string) {
  yield ["Partner ID", "Login", "Level", "Earned", "Reversed", "Clawed back", "Paid", "Due now", "Held now", "Currency"];
  const { rows } = await getPartnerReport(prisma, c, req.filter);
  for (const r of rows) yield [r.partnerId, r.login, String(r.level), r.earned, r.reversed, r.clawedBack, r.paid, r.due, r.held, currency];
}

async function* lineRows(prisma: PrismaClient, c: LedgerContext, req: ExportRequest, currency: string) {
  yield ["Order", "Paid at", "Product", "Title", "Item sum", "Partner ID", "Login", "Level", "Fee", "Type", "Status", "Payout", "Payout reference", "Currency"];
  let afterId: number | undefined;
  for (;;) {
    const page = await getFeeLines(prisma, c, req.filter, { status: req.status, afterId, limit: PAGE });
    for (const l of page) {
      yield [
        l.orderId,
        localTime(l.paidAt, c.timeZone),
        l.productId ?? "",
        l.title ?? "",
        l.itemSum,
        l.partnerId,
        l.login,
        String(l.level),
        l.amount,
        l.kind === "CLAWBACK" ? "clawback" : "fee",
        l.status,
        l.payoutId === null ? "" : String(l.payoutId),
        l.payoutReference ?? "",
        currency,
      ];
    }
    if (page.length < PAGE) return;
    afterId = page.at(-1)!.id;
  }
}

/**
 * The CSV as a byte stream. Amounts travel as numbers of minor units (and only they are numbers: the
 * level is text), so the cast below is the one place they become decimals, and csv-stringify's formula
 * escaping leaves a negative amount alone while it neutralises "=SUM(...)" or "-1+2" in any text.
 */
export function partnerPayoutsCsv(prisma: PrismaClient, c: LedgerContext, req: ExportRequest, currency: string): ReadableStream<Uint8Array> {
  const rows = Readable.from(req.shape === "partners" ? partnerRows(prisma, c, req, currency) : lineRows(prisma, c, req, currency));
  const csv = stringify({
    bom: true,
    delimiter: req.delimiter,
    record_delimiter: "windows",
    escape_formulas: true,
    cast: { number: (minor: number) => (req.decimal === "," ? toDecimalString(minor).replace(".", ",") : toDecimalString(minor)) },
  });
  rows.on("error", (e) => csv.destroy(e));
  return Readable.toWeb(rows.pipe(csv)) as ReadableStream<Uint8Array>;
}

/** How many rows the lines export will have (for a progress bar), header excluded. */
export function countExportRows(prisma: PrismaClient, c: LedgerContext, req: ExportRequest): Promise<number> {
  return req.shape === "partners" ? Promise.resolve(0) : countFeeLines(prisma, c, req.filter, req.status);
}
