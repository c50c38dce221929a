/**
 * The partner payouts CSV, in two shapes: one row per partner and level (the report's figures) or one
 * row per fee line. Made for spreadsheets: UTF-8 with a BOM (so Excel reads Cyrillic right), CRLF,
 * RFC 4180 quoting, a choice of delimiter and decimal mark (Russian Excel expects ";" and ","), amounts
 * as plain decimals in the shop's currency, times as "YYYY-MM-DD HH:mm:ss" on the shop's clock, and
 * text that a spreadsheet would run as a formula neutralised. Written by csv-stringify a page of lines
 * at a time, each page read from the database only when the client has taken the previous one, so
 * memory stays flat however many lines there are.
 */
import { stringify, type Options } from "csv-stringify/sync";
import { toDecimalString } from "../money";
import { localDateTime } from "../time";
import type { LineStatus } from "./ledger";
import { countFeeLines, cursorOf, getFeeLines, getPartnerReport, type LedgerContext, type LinesCursor, type PartnerFilter } from "./report";

export interface CsvFormat {
  delimiter: "," | ";";
  decimal: "." | ",";
}

export interface ExportRequest extends CsvFormat {
  shape: "partners" | "lines";
  filter: PartnerFilter;
  status?: LineStatus;
}

const PAGE = 500;

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

type Row = (string | number)[];

async function* partnerPages(c: LedgerContext, req: ExportRequest, currency: string): AsyncGenerator<Row[]> {
  const { rows } = await getPartnerReport(c, req.filter);
  yield [
    ["Partner ID", "Login", "Level", "Earned", "Reversed", "Clawed back", "Paid", "Due now", "Held now", "Currency"],
    ...rows.map((r) => [r.partnerId, r.login, String(r.level), r.earned, r.reversed, r.clawedBack, r.paid, r.due, r.held, currency]),
  ];
}

async function* linePages(c: LedgerContext, req: ExportRequest, currency: string): AsyncGenerator<Row[]> {
  yield [["Order", "Paid at", "Product", "Title", "Item sum", "Partner ID", "Login", "Level", "Fee", "Type", "Status", "Payout", "Payout reference", "Currency"]];
  let after: LinesCursor | undefined;
  for (;;) {
    const page = await getFeeLines(c, req.filter, { status: req.status, after, limit: PAGE });
    yield page.map((l) => [
        l.orderId,
        localDateTime(l.paidAt, c.timeZone),
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
      ]);
    if (page.length < PAGE) return;
    after = cursorOf(page.at(-1)!);
  }
}

/**
 * The CSV as a byte stream. Amounts travel as numbers of minor units (and only they are numbers: the
 * level is text), so the cast below is the one place they become decimals, and csv-stringify's formula
 * escaping leaves a negative amount alone while it neutralises "=SUM(...)" or "-1+2" in any text.
 */
export function partnerPayoutsCsv(c: LedgerContext, req: ExportRequest, currency: string): ReadableStream<Uint8Array> {
  const pages = req.shape === "partners" ? partnerPages(c, req, currency) : linePages(c, req, currency);
  const options: Options = {
    delimiter: req.delimiter,
    record_delimiter: "windows",
    escape_formulas: true,
    cast: { number: (minor: number) => (req.decimal === "," ? toDecimalString(minor).replace(".", ",") : toDecimalString(minor)) },
  };
  const utf8 = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    // one page per pull: the next page is read only when the client has taken this one
    async pull(controller) {
      const { done, value } = await pages.next();
      if (done) return controller.close();
      controller.enqueue(utf8.encode(stringify(value, { ...options, bom: first })));
      first = false;
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** How many rows the lines export will have (for a progress bar), header excluded. */
export function countExportRows(c: LedgerContext, req: ExportRequest): Promise<number> {
  return req.shape === "partners" ? Promise.resolve(0) : countFeeLines(c, req.filter, req.status);
}
