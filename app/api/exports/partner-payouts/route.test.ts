import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedBody } from "@/lib/justclick/encode";
import { loadSamples } from "@/lib/testing/samples";
import { anonymousRequest, signedInRequest } from "@/lib/testing/session";
import { TEST_SECRET, useTempDatabase } from "@/lib/testing/temp-db";
import { dayOf } from "@/lib/time";

const tmp = await useTempDatabase({ SHOP_NAME: "Школа Example" });
const { GET } = await import("./route");
const hooks = await import("../../hooks/route");
const { getPartnerReport } = await import("@/lib/partners/report");
const { recordPayout } = await import("@/lib/partners/payouts");
afterAll(() => tmp.cleanup());

const post = (body: string) =>
  hooks.POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
const TODAY = dayOf(new Date(), "Europe/Moscow");
// samples are from June 2024; refunds (and so clawbacks) are dated by their arrival, today
const RANGE = `from=2024-06-01&to=${TODAY}`;
const WHOLE = { from: "2024-06-01", to: TODAY };

async function csv(query: string) {
  const res = await GET(await signedInRequest(`http://127.0.0.1/api/exports/partner-payouts?${query}`), { params: Promise.resolve({}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString("utf8") };
}

beforeAll(async () => {
  for (const s of Object.values(loadSamples())) await post(s.body);
  // partner names and product titles a spreadsheet would run as formulas
  const evil = signedBody(
    {
      id: "400001",
      email: "evil@example.com",
      paid: "1718100000",
      last_payment_sum: "3000",
      items: [
        { id: "=cmd|' /C calc'!A0", title: "+SUM(1,2)", sum: "1000", partners: [{ partner_lvl: "1", partner_id: "666", partner_name: "=HYPERLINK(\"http://evil.example\")", partner_fee: "100" }] },
        { id: "x", title: "-1+2", sum: "1000", partners: [{ partner_lvl: "1", partner_id: "666", partner_name: "=HYPERLINK(\"http://evil.example\")", partner_fee: "100" }] },
        { id: "y", title: "@SUM(A1)\tx", sum: "1000", partners: [{ partner_lvl: "2", partner_id: "667", partner_name: "Партнёр; \"Второй\"", partner_fee: "12.5" }] },
      ],
    },
    TEST_SECRET,
  );
  expect((await post(evil)).status).toBe(200);
  // one payout and a refund after it: a clawback line
  recordPayout({ partnerId: "210002", period: { from: "2024-06-01", to: "2024-06-30" }, amount: 44700, paidOn: "2024-07-05", reference: "ref-1", comment: null, createdBy: "t" }, "Europe/Moscow");
  await post(signedBody({ id: "48120070", email: "dmitry.fake@example.org", status: "moneyback", items: [{ id: "club_month", sum: "1490" }] }, TEST_SECRET));
});

describe("GET /api/exports/partner-payouts", () => {
  it("answers 401 to anonymous callers and 400 to bad parameters", async () => {
    const res = await GET(anonymousRequest(`http://127.0.0.1/api/exports/partner-payouts?${RANGE}`), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
    const bad = await csv(`${RANGE}&shape=xml&delimiter=tab`);
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.text).message).toBe("shape: must be partners or lines; delimiter: must be comma or semicolon");
    expect((await csv("from=2024-13-01&to=2024-12-31")).res.status).toBe(400);
  });

  it("opens in Excel: UTF-8 with a BOM, CRLF, ';' and decimal commas for a Russian shop, a telling file name", async () => {
    const { res, bytes, text } = await csv(RANGE);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const name = `partner-payouts_школа-example_2024-06-01_${TODAY}_partners.csv`;
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="partner-payouts_example_2024-06-01_${TODAY}_partners.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain("\r\n");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text.split("\r\n")[0]).toBe("\ufeffPartner ID;Login;Level;Earned;Reversed;Clawed back;Paid;Due now;Held now;Currency");
    expect(text).toContain("Партнёр");
  });

  it("per partner: the same figures as the report, parsed back with a CSV parser", async () => {
    const { text } = await csv(RANGE);
    const rows: Record<string, string>[] = parse(text, { bom: true, delimiter: ";", columns: true });
    const report = await getPartnerReport({ range: WHOLE, timeZone: "Europe/Moscow", holdDays: 0, now: new Date() });
    const money = (s: string) => Math.round(Number(s.replace(",", ".")) * 100);
    expect(rows).toHaveLength(report.rows.length);
    for (const r of report.rows) {
      const csvRow = rows.find((x) => x["Partner ID"] === r.partnerId && x.Level === String(r.level))!;
      expect({ id: r.partnerId, earned: money(csvRow.Earned!), paid: money(csvRow.Paid!), due: money(csvRow["Due now"]!), clawedBack: money(csvRow["Clawed back"]!) }).toEqual({
        id: r.partnerId, earned: r.earned, paid: r.paid, due: r.due, clawedBack: r.clawedBack,
      });
    }
    const beta = rows.find((x) => x["Partner ID"] === "210002")!;
    expect([beta.Earned, beta.Paid, beta["Clawed back"], beta["Due now"], beta.Currency]).toEqual(["447,00", "447,00", "447,00", "-447,00", "RUB"]);
  });

  it("per line: order, paid time on the shop's clock, product, item sum, level, fee, status; totals match", async () => {
    const { res, text } = await csv(`${RANGE}&shape=lines&delimiter=comma&decimal=dot`);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(res.headers.get("x-total-rows")).toBe(String(rows.length));
    expect(rows.find((r) => r.Order === "48120020")).toMatchObject({
      "Paid at": "2024-06-10 14:53:30",
      Product: "marafon",
      Title: "Марафон 21 день",
      "Item sum": "4990.00",
      Level: "1",
      Fee: "1497.00",
      Type: "fee",
      Status: "due",
    });
    expect(rows.filter((r) => r["Partner ID"] === "210002").map((r) => [r.Type, r.Fee, r.Status, r["Payout reference"]])).toEqual([
      ["fee", "447.00", "paid", "ref-1"],
      ["clawback", "-447.00", "due", ""],
    ]);
    const total = (pred: (r: Record<string, string>) => boolean) => rows.filter(pred).reduce((s, r) => s + Math.round(Number(r.Fee) * 100), 0);
    const report = await getPartnerReport({ range: WHOLE, timeZone: "Europe/Moscow", holdDays: 0, now: new Date() });
    expect(total((r) => r.Type === "fee")).toBe(report.total.earned);
    expect(-total((r) => r.Type === "clawback")).toBe(report.total.clawedBack);
  });

  it("neutralises cells a spreadsheet would run as formulas, and leaves negative amounts as numbers", async () => {
    const { text } = await csv(`${RANGE}&shape=lines`);
    const rows: Record<string, string>[] = parse(text, { bom: true, delimiter: ";", columns: true });
    const evil = rows.filter((r) => r.Order === "400001");
    expect(evil.map((r) => [r.Product, r.Title, r.Login])).toEqual([
      ["'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'=HYPERLINK(\"http://evil.example\")"],
      ["x", "'-1+2", "'=HYPERLINK(\"http://evil.example\")"],
      ["y", "'@SUM(A1)\tx", "Партнёр; \"Второй\""],
    ]);
    expect(rows.find((r) => r.Type === "clawback")!.Fee).toBe("-447,00");
  });

  it("filters by level, partner and status", async () => {
    const lines = async (q: string) => parse((await csv(`${RANGE}&shape=lines&${q}`)).text, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(new Set((await lines("level=2")).map((r) => r.Level))).toEqual(new Set(["2"]));
    expect(new Set((await lines("partner=100136")).map((r) => r.Login))).toEqual(new Set(["mike_black"]));
    expect((await lines("status=paid")).map((r) => r["Partner ID"])).toEqual(["210002"]);
  });
});
