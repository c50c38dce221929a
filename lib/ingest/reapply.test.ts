import { afterAll, describe, expect, it, vi } from "vitest";
import { signedBody } from "../justclick/encode";
import { fixedShopBodies } from "../testing/fixed-shop";
import { TEST_SECRET, useTempDatabase } from "../testing/temp-db";

// The shop owner first configured the wrong API key: JustClick's deliveries were refused and kept.
const tmp = await useTempDatabase({ JUSTCLICK_SECRET_KEY: "a-wrong-key" });
const { POST } = await import("../../app/api/hooks/route");
const { reader } = await import("../db");
afterAll(() => tmp.cleanup());

const post = (body: string) => POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
const allTime = { rejectedFrom: new Date(0), rejectedTo: new Date(Date.now() + 86_400_000) };
const gross = async () => (await reader().orderEvent.aggregate({ where: { kind: "PAID" }, _sum: { orderTotal: true } }))._sum.orderTotal ?? 0;

describe("re-applying stored notifications", () => {
  it("with the wrong key still configured, refuses them again and applies nothing", async () => {
    for (const body of fixedShopBodies(TEST_SECRET)) expect((await post(body)).status).toBe(403);
    const { reapplyStored } = await import("./receive");
    const results = reapplyStored(allTime);
    expect(results).toHaveLength(8);
    expect(results.every((r) => r.outcome === "refused" && r.verdict === "REJECTED")).toBe(true);
    expect(await reader().order.count()).toBe(0);
  });

  it("after the key is corrected, applies every rejected one in arrival order, and only once", async () => {
    // a bad amount, correctly signed: invalid on arrival, and invalid again
    const bad = signedBody({ id: "700199", email: "x@example.com", paid: "1718000000", last_payment_sum: "12,50", items: [{ id: "x", sum: "12,50" }] }, TEST_SECRET);
    expect((await post(bad)).status).toBe(403);

    // a restart with JUSTCLICK_SECRET_KEY corrected: the configuration is read again
    process.env.JUSTCLICK_SECRET_KEY = TEST_SECRET;
    vi.resetModules();
    const { reapplyStored } = await import("./receive");
    // in batches: the second goes on after the last id the first tried
    const ids = (await reader().notification.findMany({ where: { verdict: "REJECTED" }, orderBy: { id: "asc" } })).map((n) => n.id);
    expect(ids).toHaveLength(9);
    const later = reapplyStored({ ...allTime, afterId: ids[3] });
    expect(later.map((r) => r.id)).toEqual(ids.slice(4));
    const earlier = reapplyStored(allTime);
    expect(earlier.map((r) => r.id)).toEqual(ids.slice(0, 4));
    const results = [...earlier, ...later];
    expect(results.map((r) => r.outcome)).toEqual([...Array(8).fill("applied"), "refused"]);
    expect(results.at(-1)).toMatchObject({ verdict: "INVALID", message: expect.stringMatching(/last_payment_sum/) });
    // the fixed shop's payments: 1,500 + 1,000 + 2,000
    expect(await gross()).toBe(450000);
    expect((await reader().order.findUniqueOrThrow({ where: { id: "700104" } })).status).toBe("REFUNDED");

    const again = reapplyStored({ ids: results.map((r) => r.id) });
    expect(again.slice(0, 8).every((r) => r.outcome === "skipped" && r.message === "already applied")).toBe(true);
    expect(again.at(-1)).toMatchObject({ outcome: "refused", verdict: "INVALID" });
    expect(await gross()).toBe(450000);
    expect(reapplyStored({ ids: [999999] })).toEqual([{ id: 999999, outcome: "skipped", verdict: null, message: "no such notification" }]);
  });

  it("does not apply a refused delivery whose retry was applied since: a prepayment is not counted twice", async () => {
    const instalment = signedBody({ id: "700103", email: "c@example.com", prepayment_sum: "500", items: [{ id: "mentoring", sum: "3000" }] }, TEST_SECRET);
    expect((await post(instalment)).status).toBe(403); // still the process started with the wrong key
    const refused = await reader().notification.findFirstOrThrow({ orderBy: { id: "desc" } });
    const { POST: fixedPOST } = await import("../../app/api/hooks/route"); // the restarted one
    const retry = await fixedPOST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body: instalment, headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(retry.status).toBe(200);
    const { reapplyStored } = await import("./receive");
    expect(reapplyStored({ ids: [refused.id] })).toEqual([{ id: refused.id, outcome: "skipped", verdict: "DUPLICATE", message: `the same body was applied since as notification #${refused.id + 1}` }]);
    expect((await reader().order.findUniqueOrThrow({ where: { id: "700103" } })).prepaidTotal).toBe(80000);
  });
});
