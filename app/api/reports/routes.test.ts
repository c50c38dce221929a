import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedShopBodies } from "@/lib/testing/fixed-shop";
import { anonymousRequest, signedInRequest } from "@/lib/testing/session";
import { TEST_SECRET, useTempDatabase } from "@/lib/testing/temp-db";

// The report endpoints over the hand-checked shop (lib/testing/fixed-shop.ts); the figures themselves
// are checked in lib/reports/reports.test.ts, these check the HTTP side: sign-in, parameters, shape.
const tmp = await useTempDatabase();
const hooks = await import("../hooks/route");
const routes = {
  revenue: (await import("./revenue/route")).GET,
  refunds: (await import("./refunds/route")).GET,
  prepayments: (await import("./prepayments/route")).GET,
  utm: (await import("./utm/route")).GET,
  orders: (await import("./orders/route")).GET,
  notifications: (await import("./notifications/route")).GET,
};
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  for (const body of fixedShopBodies(TEST_SECRET)) {
    const res = await hooks.POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(res.status).toBe(200);
  }
});

async function get(name: keyof typeof routes, query: string) {
  const res = await routes[name](await signedInRequest(`http://127.0.0.1/api/reports/${name}${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}
const JUNE = "?from=2024-06-01&to=2024-06-30";

describe("the report endpoints", () => {
  it("answer 401 JSON to anonymous callers", async () => {
    for (const [name, GET] of Object.entries(routes)) {
      const res = await GET(anonymousRequest(`http://127.0.0.1/api/reports/${name}`), { params: Promise.resolve({}) });
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
    }
  });

  it("answer 400 saying which parameter is wrong", async () => {
    const cases: [keyof typeof routes, string, string][] = [
      ["revenue", "?from=2024-02-30&to=2024-03-01", 'from: "2024-02-30" is not a real date written YYYY-MM-DD'],
      ["refunds", `${JUNE}&group=year`, 'group: "year" is not day, week or month'],
      ["prepayments", `${JUNE}&compare=yes`, "compare: give 1 or 0"],
      ["utm", `${JUNE}&dimension=referrer`, 'dimension: "referrer" is not one of source, medium, campaign, content, term'],
      ["utm", `${JUNE}&dimension=medium&utm_medium=cpc`, "utm_medium: the tag being broken down cannot also be a filter"],
      ["orders", `${JUNE}&status=SHIPPED`, "status.0: must be among AWAITING_PAYMENT, PREPAID, PAID, REFUNDED, CANCELLED"],
      ["orders", `${JUNE}&after=yesterday`, "after: not a cursor from a previous page"],
      ["orders", `${JUNE}&limit=5000`, "limit: give a whole number from 1 to 200"],
      ["notifications", `${JUNE}&verdict=lost`, 'verdict: "lost" is not one of received, applied, duplicate, conflict, rejected, invalid'],
    ];
    for (const [name, query, message] of cases) expect({ name, query, ...(await get(name, query)) }).toEqual({ name, query, status: 400, body: { error: "bad_request", message } });
  });

  it("revenue: June's totals, by week, with the previous period", async () => {
    const { status, body } = await get("revenue", `${JUNE}&group=week`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ currency: "RUB", from: "2024-06-01", to: "2024-06-30", grouping: "week", totals: { gross: 450000, refunds: 0, ordersPaid: 3 }, previous: { from: "2024-05-02", to: "2024-05-31" } });
    expect(body.series.map((p: { label: string }) => p.label)).toEqual(["2024-06-01", "2024-06-03", "2024-06-10", "2024-06-17", "2024-06-24"]);
    expect((await get("revenue", `${JUNE}&compare=0`)).body.previous).toBeNull();
  });

  it("refunds and prepayments: today's MoneyBack and prepayment", async () => {
    const today = (await get("revenue", "")).body.to;
    expect((await get("refunds", `?from=${today}&to=${today}`)).body).toMatchObject({ totals: { refunds: 1, amount: 200000 }, orders: [{ orderId: "700104" }] });
    expect((await get("prepayments", `?from=${today}&to=${today}`)).body).toMatchObject({ totals: { received: 30000, outstanding: 270000 }, outstanding: [{ orderId: "700103", link: "/bill/?id=700103" }] });
  });

  it("utm: by source, and drilled into vk's mediums", async () => {
    const bySource = (await get("utm", JUNE)).body;
    expect(bySource.rows.map((r: { value: string | null; gross: number }) => [r.value, r.gross])).toEqual([[null, 200000], ["yandex", 150000], ["vk", 100000]]);
    const vk = (await get("utm", `${JUNE}&dimension=medium&utm_source=vk`)).body;
    expect(vk).toMatchObject({ dimension: "medium", filter: { source: "vk" }, rows: [{ value: "social", created: 2, paid: 1, gross: 100000 }] });
  });

  it("orders: a filtered page, and the cursor to the next one", async () => {
    const first = (await get("orders", `${JUNE}&limit=2`)).body;
    expect(first.orders.map((o: { id: string }) => o.id)).toEqual(["700105", "700104"]);
    const second = (await get("orders", `${JUNE}&limit=2&after=${first.next}`)).body;
    expect(second.orders.map((o: { id: string }) => o.id)).toEqual(["700103", "700102"]);
    const paidVk = (await get("orders", `${JUNE}&dated=paid&utm_source=vk`)).body;
    expect(paidVk).toMatchObject({ orders: [{ id: "700102", total: 100000, status: "PAID" }], next: null });
  });

  it("notifications: every delivery of today, filtered by verdict", async () => {
    const today = (await get("revenue", "")).body.to;
    const all = (await get("notifications", `?from=${today}&to=${today}`)).body;
    expect(all.notifications).toHaveLength(8);
    expect(all.verdicts).toMatchObject({ APPLIED: 8, REJECTED: 0 });
    expect((await get("notifications", `?from=${today}&to=${today}&verdict=rejected`)).body.notifications).toEqual([]);
    expect((await get("notifications", `?from=${today}&to=${today}&order=700104`)).body.notifications.map((n: { kind: string }) => n.kind)).toEqual(["MONEYBACK", "PAID"]);
  });
});
