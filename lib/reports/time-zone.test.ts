import { afterAll, describe, expect, it } from "vitest";
import { signedBody } from "../justclick/encode";
import { TEST_SECRET, useTempDatabase } from "../testing/temp-db";

// A shop in a zone with daylight-saving time: payments near midnight on the days the clocks change.
const tmp = await useTempDatabase({ SHOP_TIMEZONE: "Europe/Berlin" });
const { POST } = await import("../../app/api/hooks/route");
const { getRevenueReport } = await import("./revenue");
const { getUtmReport } = await import("./utm");
afterAll(() => tmp.cleanup());

function pay(id: string, utcIso: string, sum: string) {
  const paid = Date.parse(utcIso) / 1000;
  const body = signedBody({ id, email: `${id}@example.com`, created: String(paid - 60), paid: String(paid), last_payment_sum: sum, utm: { source: "tz" }, items: [{ id: "p", sum }] }, TEST_SECRET);
  return POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
}

describe("days in a zone with daylight-saving time", () => {
  it("put payments on the shop's local day on both change days", async () => {
    // 00:30 on 31 March 2024 in Berlin, still winter time (UTC+1): 23:30 UTC the day before
    expect((await pay("910001", "2024-03-30T23:30:00Z", "100")).status).toBe(200);
    // 23:30 on 31 March, summer time (UTC+2): 21:30 UTC
    expect((await pay("910002", "2024-03-31T21:30:00Z", "200")).status).toBe(200);
    // 23:30 on 27 October, winter time again (UTC+1): 22:30 UTC; 00:30 on the 28th is 23:30 UTC
    expect((await pay("910003", "2024-10-27T22:30:00Z", "400")).status).toBe(200);
    expect((await pay("910004", "2024-10-27T23:30:00Z", "800")).status).toBe(200);

    const shop = { timeZone: "Europe/Berlin", currency: "EUR" };
    const march = await getRevenueReport({ range: { from: "2024-03-30", to: "2024-04-01" }, previous: null, grouping: "day" }, shop);
    expect(march.series.map((d) => [d.label, d.gross])).toEqual([["2024-03-30", 0], ["2024-03-31", 30000], ["2024-04-01", 0]]);
    const october = await getRevenueReport({ range: { from: "2024-10-27", to: "2024-10-28" }, previous: null, grouping: "day" }, shop);
    expect(october.series.map((d) => [d.label, d.gross])).toEqual([["2024-10-27", 40000], ["2024-10-28", 80000]]);
    const utm = await getUtmReport({ range: { from: "2024-10-28", to: "2024-10-28" }, previous: null, grouping: "day" }, shop, { dimension: "source", filter: {} });
    expect(utm.rows).toMatchObject([{ value: "tz", paid: 1, created: 1, gross: 80000 }]);
  });
});
