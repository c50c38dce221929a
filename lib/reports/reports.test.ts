import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedShopBodies, msk } from "../testing/fixed-shop";
import { TEST_SECRET, useTempDatabase } from "../testing/temp-db";
import { dayOf } from "../time";

// A small shop, sent through /api/hooks, whose every figure is worked out by hand below.
const tmp = await useTempDatabase();
const { POST } = await import("../../app/api/hooks/route");
const { getRevenueReport } = await import("./revenue");
const { getRefundReport } = await import("./refunds");
const { getPrepaymentReport } = await import("./prepayments");
const { getUtmReport } = await import("./utm");
const { listOrders } = await import("./orders");
const { previousRange } = await import("./range");
afterAll(() => tmp.cleanup());

const TZ = "Europe/Moscow";
const shop = { timeZone: TZ, currency: "RUB" };
const today = dayOf(new Date(), TZ);
const post = async (body: string) => {
  const res = await POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
  expect(res.status).toBe(200);
};
const period = (from: string, to: string, grouping: "day" | "week" | "month" = "month", compare = true) => ({
  range: { from, to },
  previous: compare ? previousRange({ from, to }) : null,
  grouping,
});

beforeAll(async () => {
  for (const body of fixedShopBodies(TEST_SECRET)) await post(body);
});

describe("revenue", () => {
  it("adds up June 2024: gross from item sums, coupon, discount, products, the payment at 23:30 Moscow time in June", async () => {
    const r = await getRevenueReport(period("2024-06-01", "2024-06-30"), shop);
    expect(r.totals).toEqual({
      gross: 450000, refunds: 0, net: 450000, payments: 3, ordersPaid: 3, averageOrder: 150000,
      cashReceived: 450000, prepayments: 0, lastPayments: 450000, discounts: 20000, couponPayments: 1, couponGross: 150000,
    });
    expect(r.products).toEqual([
      { productId: "course", title: "Курс", sold: 2, gross: 200000, discounts: 20000, refunded: 0, refunds: 0 },
      { productId: "marathon", title: "Марафон", sold: 1, gross: 200000, discounts: 0, refunded: 0, refunds: 0 },
      { productId: "ebook", title: "Книга", sold: 1, gross: 50000, discounts: 0, refunded: 0, refunds: 0 },
    ]);
    expect(r.previous).toMatchObject({ from: "2024-05-02", to: "2024-05-31", totals: { gross: 0 } });
  });

  it("groups by week (Monday first, clipped to the range) and by month", async () => {
    const weeks = (await getRevenueReport(period("2024-06-01", "2024-06-30", "week"), shop)).series;
    expect(weeks.map((w) => [w.label, w.gross])).toEqual([["2024-06-01", 0], ["2024-06-03", 150000], ["2024-06-10", 200000], ["2024-06-17", 0], ["2024-06-24", 100000]]);
    const months = (await getRevenueReport(period("2024-05-15", "2024-07-31", "month"), shop)).series;
    expect(months.map((m) => [m.label, m.gross])).toEqual([["2024-05-15", 0], ["2024-06-01", 450000], ["2024-07-01", 0]]);
    const days = (await getRevenueReport(period("2024-06-30", "2024-07-01", "day"), shop)).series;
    expect(days.map((d) => [d.label, d.gross])).toEqual([["2024-06-30", 100000], ["2024-07-01", 0]]);
  });

  it("is all zeros for an empty range", async () => {
    const r = await getRevenueReport(period("2023-01-01", "2023-01-31"), shop);
    expect(r.totals.gross + r.totals.payments + r.totals.discounts).toBe(0);
    expect(r.products).toEqual([]);
    expect(r.series.every((p) => p.gross === 0)).toBe(true);
  });

  it("shows only the refund on a day with nothing but a refund", async () => {
    const r = await getRevenueReport(period(today, today), shop);
    expect(r.totals).toMatchObject({ gross: 0, refunds: 200000, net: -200000, prepayments: 30000, cashReceived: 30000 });
    expect(r.products).toEqual([{ productId: "marathon", title: "Марафон", sold: 0, gross: 0, discounts: 0, refunded: 1, refunds: 200000 }]);
  });
});

describe("refunds", () => {
  it("counts the MoneyBack, its rate against payments and the days from payment to refund", async () => {
    const r = await getRefundReport(period(today, today), shop);
    const days = Math.round(((Date.now() - Number(msk(2024, 6, 15)) * 1000) / 86_400_000) * 10) / 10;
    expect(r.totals).toMatchObject({ refunds: 1, amount: 200000, payments: 0, rateBp: 0 });
    expect(Math.abs(r.totals.medianDaysToRefund! - days)).toBeLessThanOrEqual(0.1);
    expect(r.orders).toMatchObject([{ orderId: "700104", amount: 200000, email: "d@example.com" }]);
    expect(r.products).toMatchObject([{ productId: "marathon", refunded: 1, amount: 200000 }]);
    const june = await getRefundReport(period("2024-06-01", "2024-06-30"), shop);
    expect(june.totals).toMatchObject({ refunds: 0, amount: 0, payments: 3, rateBp: 0, medianDaysToRefund: null });
  });
});

describe("prepayments", () => {
  it("follows the orders first prepaid in the range: conversion, what is still owed and where to pay it", async () => {
    const r = await getPrepaymentReport(period(today, today), shop);
    expect(r.totals).toMatchObject({ received: 30000, prepayments: 1, prepaidOrders: 1, paid: 0, conversionBp: 0, outstandingOrders: 1, outstanding: 270000, cancelledOrders: 0 });
    expect(r.outstanding).toMatchObject([{ orderId: "700103", total: 300000, prepaid: 30000, outstanding: 270000, link: "/bill/?id=700103", paymentUrl: "https://demoshop.justclick.ru/bill/?id=700103" }]);
    expect(r.daysToPay.reduce((s, b) => s + b.orders, 0)).toBe(0);
    expect(r.series).toEqual([{ label: today, received: 30000, prepayments: 1 }]);
    const june = await getPrepaymentReport(period("2024-06-01", "2024-06-30", "week"), shop);
    expect(june.series.map((p) => [p.label, p.received])).toEqual([["2024-06-01", 0], ["2024-06-03", 0], ["2024-06-10", 0], ["2024-06-17", 0], ["2024-06-24", 0]]);
  });
});

describe("UTM attribution", () => {
  it("breaks June down by source, orders without tags as (none)", async () => {
    const r = await getUtmReport(period("2024-06-01", "2024-06-30"), shop, { dimension: "source", filter: {} });
    expect(r.rows.map((x) => [x.value, x.created, x.paid, x.gross, x.refunds, x.partnerFees, x.netAfterFees])).toEqual([
      [null, 2, 1, 200000, 0, 0, 200000],
      ["yandex", 0, 1, 150000, 0, 10000, 140000],
      ["vk", 2, 1, 100000, 0, 0, 100000],
    ]);
    expect(r.total).toMatchObject({ created: 4, paid: 3, gross: 450000, conversionBp: 7500 });
  });

  it("drills down from a source to its mediums and campaigns", async () => {
    const r = await getUtmReport(period("2024-06-01", "2024-06-30"), shop, { dimension: "campaign", filter: { source: "yandex", medium: "cpc" } });
    expect(r.rows.map((x) => [x.value, x.gross])).toEqual([["brand", 150000]]);
    const none = await getUtmReport(period("2024-06-01", "2024-06-30"), shop, { dimension: "medium", filter: { source: "(none)" } });
    expect(none.rows.map((x) => [x.value, x.gross, x.created])).toEqual([[null, 200000, 2]]);
  });
});

describe("UTM drill-down", () => {
  it("goes source → medium → campaign, past tags already chosen, and stops after campaign", async () => {
    const { drillDown } = await import("./utm");
    expect(drillDown("source", { source: "vk" })).toBe("medium");
    expect(drillDown("source", { source: "vk", medium: "cpc" })).toBe("campaign");
    expect(drillDown("medium", { medium: "cpc" })).toBe("campaign");
    expect(drillDown("source", { source: "vk", medium: "cpc", campaign: "x" })).toBeNull();
    expect(drillDown("campaign", { campaign: "x" })).toBeNull();
    expect(drillDown("term", { term: "x" })).toBeNull();
  });
});

describe("orders list", () => {
  it("filters by the chosen date, status, UTM, product, coupon and search, newest first", async () => {
    const june = { from: "2024-06-01", to: "2024-06-30" };
    const ids = async (f: Parameters<typeof listOrders>[0]) => (await listOrders(f, TZ, { limit: 50 })).map((o) => o.id);
    expect(await ids({ dated: "paid", range: june })).toEqual(["700102", "700104", "700101"]);
    expect(await ids({ dated: "created", range: june })).toEqual(["700105", "700104", "700103", "700102"]);
    expect(await ids({ dated: "created", range: june, utm: { source: "(none)" } })).toEqual(["700105", "700104"]);
    expect(await ids({ dated: "paid", range: june, product: "course" })).toEqual(["700102", "700101"]);
    expect(await ids({ dated: "paid", range: june, coupon: true })).toEqual(["700101"]);
    expect(await ids({ dated: "created", range: june, status: ["PREPAID", "CANCELLED"] })).toEqual(["700105", "700103"]);
    expect(await ids({ dated: "refunded", range: { from: today, to: today } })).toEqual(["700104"]);
    expect(await ids({ dated: "created", range: june, q: "D@EXAMPLE" })).toEqual(["700104"]);
    expect(await ids({ dated: "created", range: june, q: "700103" })).toEqual(["700103"]);
    expect(await ids({ dated: "created", range: june, partner: "1" })).toEqual([]);
    expect(await ids({ dated: "paid", range: june, partner: "1" })).toEqual(["700101"]);
  });

  it("pages with a cursor without skipping or repeating", async () => {
    const { cursorOfOrder } = await import("./orders");
    const june = { dated: "created" as const, range: { from: "2024-06-01", to: "2024-06-30" } };
    const first = await listOrders(june, TZ, { limit: 3 });
    const second = await listOrders(june, TZ, { after: cursorOfOrder(first.at(-1)!), limit: 3 });
    expect([...first, ...second].map((o) => o.id)).toEqual(["700105", "700104", "700103", "700102"]);
  });
});

describe("payment links", () => {
  it("are made absolute on the shop's domain, and only http(s) ones are links", async () => {
    const { paymentUrl } = await import("./prepayments");
    expect(paymentUrl("/bill/?id=700103", "demoshop.justclick.ru")).toBe("https://demoshop.justclick.ru/bill/?id=700103");
    expect(paymentUrl("https://pay.example.com/x?a=1", null)).toBe("https://pay.example.com/x?a=1");
    expect(paymentUrl("/bill/?id=1", null)).toBeNull();
    expect(paymentUrl("javascript:alert(1)", "shop.ru")).toBeNull();
    expect(paymentUrl("//evil.example/bill", "shop.ru")).toBeNull();
    expect(paymentUrl("/bill", "bad domain/")).toBeNull();
    expect(paymentUrl(null, "shop.ru")).toBeNull();
  });
});

// last: it adds a rebill to the shop
describe("orders behind money figures", () => {
  it("are the orders with a payment or prepayment in the range, rebills and later instalments included", async () => {
    const ids = async (f: Parameters<typeof listOrders>[0]) => (await listOrders(f, TZ, { limit: 50 })).map((o) => o.id);
    const june = { from: "2024-06-01", to: "2024-06-30" };
    expect(await ids({ dated: "payment", range: june })).toEqual(["700102", "700104", "700101"]);
    expect(await ids({ dated: "prepayment", range: { from: today, to: today } })).toEqual(["700103"]);
    expect(await ids({ dated: "cash", range: { from: today, to: today } })).toEqual(["700103"]);
    // B's subscription renews on 15 July: July's revenue, and an order with a payment in July, but not paid in July
    const { signedBody } = await import("../justclick/encode");
    await post(signedBody({ id: "700102", email: "b@example.com", paid: msk(2024, 7, 15), last_payment_sum: "1000", is_recurrent: "1", items: [{ id: "course", title: "Курс", sum: "1000" }] }, TEST_SECRET));
    const july = { from: "2024-07-01", to: "2024-07-31" };
    expect((await getRevenueReport(period(july.from, july.to), shop)).totals).toMatchObject({ gross: 100000, ordersPaid: 0 });
    expect(await ids({ dated: "payment", range: july })).toEqual(["700102"]);
    expect(await ids({ dated: "paid", range: july })).toEqual([]);
  });

  it("count a prepayment delivered after its payment as paid the same day, never in negative days", async () => {
    const { signedBody } = await import("../justclick/encode");
    const f = { id: "700107", email: "g@example.com", items: [{ id: "mentoring", title: "Наставничество", sum: "3000" }] };
    await post(signedBody({ ...f, paid: msk(2024, 6, 20), last_payment_sum: "2000" }, TEST_SECRET));
    await post(signedBody({ ...f, prepayment_sum: "1000" }, TEST_SECRET)); // arrives today
    const r = await getPrepaymentReport(period(today, today), shop);
    expect(r.totals).toMatchObject({ prepaidOrders: 2, paid: 1, medianDaysToPay: 0 });
    expect(r.daysToPay[0]).toEqual({ label: "under 1 day", orders: 1 });
  });
});
