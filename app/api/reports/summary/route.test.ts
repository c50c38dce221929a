import { afterAll, describe, expect, it } from "vitest";
import { signedBody } from "@/lib/justclick/encode";
import { loadSamples } from "@/lib/testing/samples";
import { anonymousRequest, signedInRequest } from "@/lib/testing/session";
import { TEST_SECRET, useTempDatabase } from "@/lib/testing/temp-db";
import { dayOf } from "@/lib/time";

const tmp = await useTempDatabase();
const { GET } = await import("./route");
const hooks = await import("../../hooks/route");
afterAll(() => tmp.cleanup());

const post = (body: string) =>
  hooks.POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));

async function summary(query: string) {
  const res = await GET(await signedInRequest(`http://127.0.0.1/api/reports/summary${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

const today = dayOf(new Date(), "Europe/Moscow");

describe("GET /api/reports/summary", () => {
  it("answers 401 JSON to anonymous callers", async () => {
    const res = await GET(anonymousRequest("http://127.0.0.1/api/reports/summary"), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  });

  it("answers 400 saying what is wrong with the range", async () => {
    expect(await summary("?from=2024-06-31&to=2024-07-01")).toEqual({ status: 400, body: { error: "bad_request", message: 'from: "2024-06-31" is not a real date written YYYY-MM-DD' } });
    expect((await summary("?from=2024-07-01&to=2024-06-01")).body.message).toBe("from (2024-07-01) is after to (2024-06-01)");
    expect((await summary("?from=2024-07-01")).status).toBe(400);
  });

  it("is all zeros for an empty shop, this month by default", async () => {
    const { status, body } = await summary("");
    expect(status).toBe(200);
    expect(body).toMatchObject({ currency: "RUB", to: today, orders: { created: 0, prepaid: 0, paid: 0, refunded: 0, cancelled: 0 }, revenue: { gross: 0, refunds: 0, net: 0 } });
    expect(body.from).toBe(today.slice(0, 8) + "01");
  });

  it("adds up every bundled sample sent through /api/hooks", async () => {
    for (const s of Object.values(loadSamples())) await post(s.body);
    // MoneyBacks and prepayments are dated by their arrival (today); payments by their paid time (2024)
    expect(await summary(`?from=2024-06-01&to=${today}`)).toEqual({
      status: 200,
      body: {
        currency: "RUB",
        from: "2024-06-01",
        to: today,
        orders: { created: 7, prepaid: 1, paid: 6, refunded: 1, cancelled: 1 },
        // 990 + 4990 + 10890 + 2392 + 30000 + 1490 + 1490 (the rebill): the duplicate and the forgery add nothing
        revenue: { gross: 5224200, refunds: 239200, net: 4985000 },
        prepayments: { received: 1500000 },
        // 1497 + 2 × 350 + 2 × 35 + 3000 + 447; the refunded order had no partners
        partnerFees: { earned: 571400, reversed: 0 },
      },
    });
  });

  it("dates payments by their paid time: June 2024 without the July rebill, July with only it", async () => {
    const june = (await summary("?from=2024-06-01&to=2024-06-30")).body;
    expect(june).toMatchObject({ orders: { created: 7, paid: 6, refunded: 0, prepaid: 0 }, revenue: { gross: 5075200, refunds: 0 }, prepayments: { received: 0 } });
    // the rebill is revenue, but the order became paid in June
    const july = (await summary("?from=2024-07-01&to=2024-07-31")).body;
    expect(july).toMatchObject({ orders: { created: 0, paid: 0 }, revenue: { gross: 149000, net: 149000 }, partnerFees: { earned: 0 } });
  });

  it("does not count a cancellation that arrived after the payment as a cancelled order", async () => {
    const base = { id: "600003", email: "c@example.com", created: "1718000000", items: [{ id: "x", sum: "10" }] };
    await post(signedBody({ ...base, paid: "1718100000", last_payment_sum: "10" }, TEST_SECRET));
    const before = (await summary(`?from=${today}&to=${today}`)).body.orders.cancelled;
    await post(signedBody({ ...base, status: "cancel_order" }, TEST_SECRET));
    expect((await summary(`?from=${today}&to=${today}`)).body.orders.cancelled).toBe(before);
  });

  it("puts a payment at 23:30 Moscow time on that Moscow day", async () => {
    const paid = String(Date.UTC(2024, 7, 31, 20, 30) / 1000); // 31 August 23:30 in Moscow, 20:30 UTC
    await post(signedBody({ id: "600001", email: "late@example.com", paid, last_payment_sum: "100", items: [{ id: "x", sum: "100" }] }, TEST_SECRET));
    expect((await summary("?from=2024-08-31&to=2024-08-31")).body.revenue.gross).toBe(10000);
    expect((await summary("?from=2024-09-01&to=2024-09-01")).body.revenue.gross).toBe(0);
  });

  it("counts a fee clawed back after its payout as reversed, without taking it off what was earned", async () => {
    const { recordPayout } = await import("@/lib/partners/payouts");
    const base = { id: "600004", email: "k@example.com", created: "1718000000" };
    const items = [{ id: "x", sum: "1000", partners: [{ partner_lvl: "1", partner_id: "11", partner_name: "p11", partner_fee: "300" }] }];
    await post(signedBody({ ...base, paid: "1718200000", last_payment_sum: "1000", items }, TEST_SECRET));
    recordPayout({ partnerId: "11", period: { from: "2024-06-01", to: "2024-06-30" }, amount: 30000, paidOn: "2024-06-30", reference: null, comment: null, createdBy: "t" }, "Europe/Moscow");
    const before = (await summary(`?from=${today}&to=${today}`)).body.partnerFees;
    await post(signedBody({ ...base, status: "moneyback", items }, TEST_SECRET));
    const after = (await summary(`?from=${today}&to=${today}`)).body.partnerFees;
    expect(after.reversed - before.reversed).toBe(30000);
    expect(after.earned).toBe(before.earned);
    expect((await summary("?from=2024-06-01&to=2024-06-30")).body.partnerFees.earned).toBe(571400 + 30000);
  });

  it("counts fees reversed by a refund on the refund's day", async () => {
    const base = { id: "600002", email: "r@example.com", created: "1718000000" };
    const items = [{ id: "x", sum: "1000", partners: [{ partner_lvl: "1", partner_id: "9", partner_name: "p9", partner_fee: "250" }] }];
    await post(signedBody({ ...base, paid: "1718100000", last_payment_sum: "1000", items }, TEST_SECRET));
    const before = (await summary(`?from=${today}&to=${today}`)).body;
    await post(signedBody({ ...base, status: "moneyback", items }, TEST_SECRET));
    const after = (await summary(`?from=${today}&to=${today}`)).body;
    expect(after.partnerFees.reversed - before.partnerFees.reversed).toBe(25000);
    expect(after.revenue.refunds - before.revenue.refunds).toBe(100000);
  });
});
