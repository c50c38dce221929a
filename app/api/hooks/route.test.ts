import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { signedBody } from "@/lib/justclick/encode";
import { TEST_SECRET, useTempDatabase } from "@/lib/testing/temp-db";
import { loadSamples } from "@/lib/testing/samples";
import { dayOf } from "@/lib/time";

const tmp = await useTempDatabase();
const { POST, GET } = await import("./route");
const { reader, writeDb } = await import("@/lib/db");
const { rebuildRollups } = await import("@/lib/ingest/rollups");
const prisma = reader();
const samples = loadSamples();
afterAll(() => tmp.cleanup());

const FORM = "application/x-www-form-urlencoded";

async function post(body: string | Uint8Array<ArrayBuffer>, { query = "", contentType = FORM as string | null, headers = {} as Record<string, string> } = {}) {
  const h = new Headers(headers);
  if (contentType) h.set("content-type", contentType);
  const res = await POST(new Request(`http://127.0.0.1/api/hooks${query}`, { method: "POST", body, headers: h }));
  return { status: res.status, text: (await res.text()).trim() };
}

const send = (name: string, query = "") => post(samples[name]!.body, { query });
const lastLog = () => prisma.notification.findFirstOrThrow({ orderBy: { id: "desc" } });
const order = (id: string) => prisma.order.findUnique({ where: { id }, include: { items: { orderBy: { position: "asc" } }, events: { orderBy: { id: "asc" } }, partnerFees: { orderBy: { id: "asc" } } } });
const unix = (d: Date | null | undefined) => (d ? d.getTime() / 1000 : null);

describe("the bundled samples, each with the outcome its file describes", () => {
  it("created_single_no_utm: an order awaiting payment, total 990, one item, no UTM, middle name absent", async () => {
    expect(await send("created_single_no_utm")).toEqual({ status: 200, text: "OK" });
    const o = await order("48120011");
    expect(o).toMatchObject({ status: "AWAITING_PAYMENT", total: 99000, middleName: null, city: "", utmSource: null, utmMedium: null, firstName: "Анна" });
    expect(unix(o!.createdAt)).toBe(1718003521);
    expect(o!.items).toMatchObject([{ productId: "kurs_start", title: "Курс «Старт»", sum: 99000, price: 99000 }]);
    expect(await lastLog()).toMatchObject({ verdict: "APPLIED", kind: "CREATED", orderId: "48120011", signature: "empty" });
  });

  it("paid_single_no_partners: the same order becomes paid at 1718003907 with revenue 990 and no partner fees", async () => {
    expect(await send("paid_single_no_partners")).toEqual({ status: 200, text: "OK" });
    const o = await order("48120011");
    expect(o).toMatchObject({ status: "PAID", total: 99000 });
    expect(unix(o!.paidAt)).toBe(1718003907);
    expect(o!.events.map((e) => [e.kind, e.orderTotal, e.amount])).toEqual([["CREATED", 99000, null], ["PAID", 99000, 99000]]);
    expect(o!.partnerFees).toEqual([]);
    expect((await lastLog()).signature).toBe("paid");
  });

  it("created_multi_utm_kupon: total 8492 from item sums (7992 after the coupon + 500), all five UTM tags, tag, coupon, domain", async () => {
    expect((await send("created_multi_utm_kupon")).status).toBe(200);
    const o = await order("48120012");
    expect(o).toMatchObject({
      status: "AWAITING_PAYMENT",
      total: 849200,
      coupon: "SUMMER20",
      tag: "webinar_june",
      domain: "kurs-example.ru",
      utmSource: "yandex",
      utmMedium: "cpc",
      utmCampaign: "june_sale",
      utmContent: "banner_1",
      utmTerm: "онлайн курс",
      comment: "Позвоните после 18:00",
      link: "http://kurs-example.ru/bill/?id=48120012&crc=9f8e7d6c5b",
    });
    expect(o!.items.map((i) => [i.productId, i.sum, i.price])).toEqual([["kurs_pro", 799200, 999000], ["bonus_workbook", 50000, 50000]]);
  });

  it("cancel_order: the unpaid order is cancelled and no money moves", async () => {
    expect((await send("cancel_order")).status).toBe(200);
    const o = await order("48120012");
    expect(o!.status).toBe("CANCELLED");
    expect(o!.cancelledAt).not.toBeNull();
    expect(o!.events.map((e) => [e.kind, e.amount])).toEqual([["CREATED", null], ["CANCELLED", null]]);
  });

  it("paid_single_partner_lvl1: revenue 4990, partner 210001 earns 1497 at level 1, two of five UTM tags", async () => {
    expect((await send("paid_single_partner_lvl1")).status).toBe(200);
    const o = await order("48120020");
    expect(o).toMatchObject({ status: "PAID", total: 499000, utmSource: "partner_alpha", utmMedium: "partner", utmCampaign: null });
    expect(o!.partnerFees.map((f) => [f.partnerId, f.level, f.amount, f.itemSum, f.productId])).toEqual([["210001", 1, 149700, 499000, "marafon"]]);
    expect(await prisma.partner.findUnique({ where: { id: "210001" } })).toMatchObject({ login: "partner_alpha" });
  });

  it("paid_duplicate_of_partner_lvl1: a byte-identical repeat answers OK and changes nothing", async () => {
    const before = await order("48120020");
    expect(await send("paid_duplicate_of_partner_lvl1")).toEqual({ status: 200, text: "OK" });
    const after = await order("48120020");
    expect(after!.events).toHaveLength(1);
    expect(after!.partnerFees).toHaveLength(1);
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    expect(await lastLog()).toMatchObject({ verdict: "DUPLICATE", orderId: "48120020" });
  });

  it("paid_multi_partners_lvl1_lvl2: fees summed per item, never de-duplicated: mike_black 700, john_brown 70", async () => {
    expect((await send("paid_multi_partners_lvl1_lvl2")).status).toBe(200);
    const o = await order("48120030");
    expect(o!.total).toBe(1089000);
    const byPartner = Object.fromEntries(
      (await prisma.partnerFee.groupBy({ by: ["partnerId", "level"], where: { orderId: "48120030" }, _sum: { amount: true }, _count: true })).map((g) => [g.partnerId, [g.level, g._sum.amount, g._count]]),
    );
    expect(byPartner).toEqual({ "100136": [1, 70000, 2], "100137": [2, 7000, 2] });
  });

  it("paid_forged_wrong_secret: 403, kept in the log as rejected, nothing applied", async () => {
    const res = await send("paid_forged_wrong_secret");
    expect(res.status).toBe(403);
    expect(res.text).toMatch(/hash does not match/);
    expect(await order("48120080")).toBeNull();
    const log = await lastLog();
    expect(log).toMatchObject({ verdict: "REJECTED", orderId: "48120080", kind: "PAID" });
    expect(Buffer.from(log.body).toString()).toBe(samples.paid_forged_wrong_secret!.body);
  });

  it("paid_kupon_discount_pincode: revenue is the item sum 2392, not the price 2990; the pincode is kept", async () => {
    expect((await send("paid_kupon_discount_pincode")).status).toBe(200);
    const o = await order("48120050");
    expect(o).toMatchObject({ total: 239200, coupon: "SALE20" });
    expect(o!.items[0]).toMatchObject({ sum: 239200, price: 299000, pincode: "PIN-0000-0001" });
  });

  it("moneyback_full: the order is refunded for the sum of its items, 2392", async () => {
    expect((await send("moneyback_full")).status).toBe(200);
    const o = await order("48120050");
    expect(o!.status).toBe("REFUNDED");
    expect(o!.events.find((e) => e.kind === "MONEYBACK")).toMatchObject({ orderTotal: 239200 });
    expect((await lastLog()).signature).toBe("empty");
  });

  it("prepaid_first_installment then prepaid_second_installment: two instalments 5000 + 10000, neither a duplicate", async () => {
    expect((await send("prepaid_first_installment")).status).toBe(200);
    let o = await order("48120060");
    expect(o).toMatchObject({ status: "PREPAID", total: 3000000, link: "https://demoshop.justclick.ru/bill/?id=48120060&crc=1a2b3c4d5e" });
    expect((await send("prepaid_second_installment")).status).toBe(200);
    o = await order("48120060");
    expect(o!.events.map((e) => [e.kind, e.amount, e.possibleRepeat])).toEqual([["PREPAID", 500000, false], ["PREPAID", 1000000, false]]);
    expect((await lastLog()).verdict).toBe("APPLIED");
  });

  it("paid_after_prepayments: revenue is 30000 (the items), cash in this event 15000; prepayments earned no fee", async () => {
    expect((await send("paid_after_prepayments")).status).toBe(200);
    const o = await order("48120060");
    expect(o!.status).toBe("PAID");
    expect(o!.events.at(-1)).toMatchObject({ kind: "PAID", orderTotal: 3000000, amount: 1500000 });
    expect(o!.partnerFees.map((f) => [f.partnerId, f.amount])).toEqual([["210001", 300000]]);
  });

  it("paid_recurrent_first then paid_recurrent_rebill_assumed: a rebill with a new paid time is a second payment", async () => {
    expect((await send("paid_recurrent_first")).status).toBe(200);
    expect((await send("paid_recurrent_rebill_assumed")).status).toBe(200);
    const o = await order("48120070");
    expect(o!.isRecurrent).toBe(true);
    expect(unix(o!.paidAt)).toBe(1718070100); // the first payment stays the order's paid time
    expect(o!.events.map((e) => [e.kind, unix(e.occurredAt), e.orderTotal])).toEqual([["PAID", 1718070100, 149000], ["PAID", 1720662100, 149000]]);
    // the first payment carried partner_beta's fee; the rebill carries no partners and earns nothing
    expect(o!.partnerFees.map((f) => [f.partnerId, f.amount])).toEqual([["210002", 44700]]);
  });
});

describe("repeats and conflicts", () => {
  it("a repeat of an applied payment with different money is kept, flagged as a conflict and not applied", async () => {
    // the hash covers only id, email and paid, so an altered sum still verifies
    const altered = samples.paid_single_no_partners!.body.replace("last_payment_sum=990", "last_payment_sum=1990").replace("items%5B0%5D%5Bsum%5D=990", "items%5B0%5D%5Bsum%5D=1990");
    const before = await order("48120011");
    expect(await post(altered)).toEqual({ status: 200, text: "OK" });
    expect(await order("48120011")).toEqual(before);
    const log = await lastLog();
    expect(log.verdict).toBe("CONFLICT");
    expect(log.reason).toMatch(/order total 990.00 applied, 1990.00 now; payment 990.00 applied, 1990.00 now/);
  });

  it("the same prepayment amount twice is recorded as another instalment and flagged", async () => {
    const body = signedBody({ id: "700001", email: "p@example.com", prepayment_sum: "100", items: [{ id: "x", sum: "300" }] }, TEST_SECRET);
    await post(body);
    await post(body);
    const o = await order("700001");
    expect(o!.events.map((e) => [e.amount, e.possibleRepeat])).toEqual([[10000, false], [10000, true]]);
    expect((await lastLog()).reason).toMatch(/may be a repeated delivery/);
  });

  it("flags a prepayment that takes the order past its total", async () => {
    const body = (sum: string) => signedBody({ id: "700010", email: "p@example.com", prepayment_sum: sum, items: [{ id: "x", sum: "300" }] }, TEST_SECRET);
    await post(body("200"));
    await post(body("150"));
    expect((await order("700010"))!.events.map((e) => [e.amount, e.possibleRepeat])).toEqual([[20000, false], [15000, true]]);
    expect((await lastLog()).reason).toMatch(/exceed its total/);
  });

  it("keeps a partner's known login when a later payment does not name them", async () => {
    const pay = (id: string, paid: string, name?: string) =>
      signedBody({ id, email: "p@example.com", paid, last_payment_sum: "10", items: [{ sum: "10", partners: [{ partner_lvl: "1", partner_id: "777", partner_name: name, partner_fee: "1" }] }] }, TEST_SECRET);
    await post(pay("700011", "1718000000"));
    expect((await prisma.partner.findUnique({ where: { id: "777" } }))!.login).toBe("777");
    await post(pay("700012", "1718000001", "named_partner"));
    await post(pay("700013", "1718000002"));
    expect((await prisma.partner.findUnique({ where: { id: "777" } }))!.login).toBe("named_partner");
  });

  it("records a URL hint that disagrees with the payload, and the payload decides", async () => {
    const body = signedBody({ status: "new_order", id: "700002", email: "h@example.com", items: [{ id: "x", sum: "1" }] }, TEST_SECRET);
    expect((await post(body, { query: "?a=paid" })).status).toBe(200);
    expect(await lastLog()).toMatchObject({ kind: "CREATED", verdict: "APPLIED", query: "a=paid", reason: expect.stringMatching(/URL says paid but the payload is created/) });
  });
});

describe("the URL hint", () => {
  it("makes a payload without any type marker a created invoice when it comes to the created-invoice URL", async () => {
    const body = signedBody({ id: "700003", email: "c@example.com", created: "1718000000", items: [{ id: "x", sum: "10" }] }, TEST_SECRET);
    expect((await post(body)).status).toBe(400);
    expect(await post(body, { query: "?a=make" })).toEqual({ status: 200, text: "OK" });
    expect((await order("700003"))!.status).toBe("AWAITING_PAYMENT");
    expect((await lastLog()).reason).toMatch(/taken as created because it came to the created-invoice URL/);
  });

  it("keeps its disagreement in the log of a refused notification too", async () => {
    const body = signedBody({ id: "700004", email: "c@example.com", paid: "1718000000", last_payment_sum: "1,5" }, TEST_SECRET);
    expect((await post(body, { query: "?type=created" })).status).toBe(400);
    expect((await lastLog()).reason).toMatch(/last_payment_sum.*; the URL says created but the payload is paid/);
  });
});

describe("field smuggling", () => {
  it("does not let a __proto__ key supply a field the signature did not cover", async () => {
    // a notification without an email is signed over id . "" . paid
    const body = signedBody({ id: "700005", paid: "1718000000", last_payment_sum: "1", items: [{ sum: "1" }] }, TEST_SECRET);
    expect((await post("__proto__%5Bemail%5D=evil%40example.com&" + body)).status).toBe(200);
    expect((await order("700005"))!.email).toBeNull();
  });
});

describe("deliveries committed together", () => {
  it("still stores the others when one of them cannot be stored", async () => {
    const sqlite = new Database(tmp.url.slice("file:".length));
    sqlite.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON "Notification" WHEN NEW.contentType = 'text/x-refused' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    try {
      const good = (id: string) => signedBody({ id, email: "g@example.com", paid: "1718000000", last_payment_sum: "1", items: [{ sum: "1" }] }, TEST_SECRET);
      // sent in the same tick, so they share one transaction
      const answers = await Promise.all([post(good("700006")), post("x=1", { contentType: "text/x-refused" }), post(good("700007"))]);
      expect(answers.map((a) => a.status)).toEqual([200, 503, 200]);
      expect(await order("700006")).not.toBeNull();
      expect(await order("700007")).not.toBeNull();
    } finally {
      sqlite.exec("DROP TRIGGER refuse_one");
      sqlite.close();
    }
  });
});

// A fixed order with every kind of event; each arrival order must end where in-order delivery ends.
function lifecycle(id: string) {
  const base = { id, email: `o${id}@example.com`, first_name: "Ольга", created: "1718100000", utm: { source: "vk" } };
  const item = (partners: boolean) => ({ id: "course", title: "Курс", sum: "1000", price: "1200", ...(partners ? { partners: [{ partner_lvl: "1", partner_id: "5", partner_name: "p5", partner_fee: "100" }] } : {}) });
  return {
    created: signedBody({ status: "new_order", ...base, items: [item(false)] }, TEST_SECRET),
    prepaid: signedBody({ ...base, prepayment_sum: "300", link: "/bill/?id=" + id, items: [item(true)] }, TEST_SECRET),
    paid: signedBody({ ...base, paid: "1718200000", last_payment_sum: "700", payway: "JustClick", items: [item(true)] }, TEST_SECRET),
    moneyback: signedBody({ status: "moneyback", ...base, items: [item(false)] }, TEST_SECRET),
  };
}

function permutations<T>(xs: T[]): T[][] {
  return xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** The order's state without arrival times (refunds and prepayments are dated by arrival) and row ids. */
async function comparableState(id: string) {
  const o = await order(id);
  if (!o) return null;
  const { firstSeenAt: _a, updatedAt: _b, firstPrepaidAt, refundedAt, cancelledAt, id: _id, email: _e, emailLower: _l, search: _s, link, ...rest } = o;
  return {
    ...rest,
    link: link?.replace(id, "ID"),
    firstPrepaidAt: !!firstPrepaidAt,
    refundedAt: !!refundedAt,
    cancelledAt: !!cancelledAt,
    items: o.items.map(({ orderId: _, ...i }) => i),
    events: o.events.map((e) => [e.kind, e.dedupeKey, e.amount, e.orderTotal, e.kind === "PAID" ? unix(e.occurredAt) : null]).sort(),
    partnerFees: o.partnerFees.map((f) => [f.partnerId, f.level, f.amount, unix(f.earnedAt), !!f.reversedAt]),
  };
}

describe("order of arrival does not matter", () => {
  const kinds = ["created", "prepaid", "paid", "moneyback"] as const;
  it("every arrival order of created, prepaid, paid and moneyback ends in the in-order state", async () => {
    const inOrder = "800000";
    for (const k of kinds) expect((await post(lifecycle(inOrder)[k])).status).toBe(200);
    const expected = await comparableState(inOrder);
    expect(expected).toMatchObject({ status: "REFUNDED", total: 100000, snapshotKind: "PAID", payway: "JustClick", utmSource: "vk" });
    expect(expected!.partnerFees).toEqual([["5", 1, 10000, 1718200000, true]]);

    let n = 1;
    for (const order of permutations([...kinds])) {
      const id = String(800000 + n++);
      const bodies = lifecycle(id);
      for (const k of order) expect((await post(bodies[k])).status).toBe(200);
      expect({ order: order.join(","), state: await comparableState(id) }).toEqual({ order: order.join(","), state: expected });
    }
  });

  it("every arrival order of created, prepaid and cancel ends cancelled, with the prepayment kept", async () => {
    const kinds = ["created", "prepaid", "cancel"] as const;
    const bodies = (id: string) => {
      const base = { id, email: `c${id}@example.com`, created: "1718100000", items: [{ id: "course", sum: "1000" }] };
      return {
        created: signedBody({ status: "new_order", ...base }, TEST_SECRET),
        prepaid: signedBody({ ...base, prepayment_sum: "300" }, TEST_SECRET),
        cancel: signedBody({ status: "cancel_order", ...base }, TEST_SECRET),
      };
    };
    let n = 0;
    for (const arrival of permutations([...kinds])) {
      const id = String(820000 + n++);
      for (const k of arrival) expect((await post(bodies(id)[k])).status).toBe(200);
      const o = await order(id);
      expect({ arrival, status: o!.status, prepaid: o!.events.filter((e) => e.kind === "PREPAID").map((e) => e.amount) }).toEqual({ arrival, status: "CANCELLED", prepaid: [30000] });
    }
  });

  it("every arrival order of a payment and its rebill keeps the first payment as the order's", async () => {
    const pay = (id: string, paid: string, sum: string) =>
      signedBody({ id, email: "s@example.com", paid, last_payment_sum: sum, is_recurrent: "1", items: [{ id: "club", title: paid, sum }] }, TEST_SECRET);
    for (const [id, first] of [["830001", true], ["830002", false]] as const) {
      const bodies = [pay(id, "1718000000", "100"), pay(id, "1720000000", "120")];
      for (const b of first ? bodies : bodies.reverse()) await post(b);
      const o = await order(id);
      expect(o).toMatchObject({ status: "PAID", total: 10000, snapshotKind: "PAID" });
      expect(unix(o!.paidAt)).toBe(1718000000);
      expect(o!.items[0]!.title).toBe("1718000000");
      expect(o!.events.map((e) => e.orderTotal).sort()).toEqual([10000, 12000]);
    }
  });

  it("a refund of an order never seen before is recorded, and the later payment still ends refunded", async () => {
    const b = lifecycle("810000");
    await post(b.moneyback);
    expect((await order("810000"))!.status).toBe("REFUNDED");
    await post(b.paid);
    const o = await order("810000");
    expect(o!.status).toBe("REFUNDED");
    expect(o!.partnerFees[0]!.reversedAt).not.toBeNull();
  });
});

describe("day totals kept at ingest", () => {
  const rollups = () => {
    const db = writeDb();
    const read = (table: string) => db.prepare(`SELECT * FROM "${table}"`).all().map((r) => JSON.stringify(r)).sort();
    return { days: read("DayTotal"), products: read("DayProductTotal"), utm: read("DayUtmTotal").filter((r) => !/"created":0,"paid":0,"gross":0,"refunds":0,"feesEarned":0,"feesTakenBack":0/.test(r)) };
  };

  it("follow an order whose payment brings other UTM tags than its invoice, in either order", async () => {
    for (const [id, paidFirst] of [["840001", false], ["840002", true]] as const) {
      const base = { id, email: `u${id}@example.com`, created: "1718100000", items: [{ id: "course", title: "Курс", sum: "1000", partners: [{ partner_lvl: "1", partner_id: "9", partner_name: "p9", partner_fee: "50" }] }] };
      const created = signedBody({ ...base, status: "new_order", utm: { source: "google", medium: "cpc" } }, TEST_SECRET);
      const paid = signedBody({ ...base, paid: "1718200000", last_payment_sum: "1000", utm: { source: "vk", campaign: "june" } }, TEST_SECRET);
      for (const b of paidFirst ? [paid, created] : [created, paid]) expect((await post(b)).status).toBe(200);
    }
    const vk = writeDb().prepare(`SELECT SUM(created) c, SUM(paid) p, SUM(gross) g, SUM(feesEarned) f FROM "DayUtmTotal" WHERE grain = 31 AND source = 'vk' AND campaign = 'june'`).get();
    expect(vk).toEqual({ c: 2, p: 2, g: 200000, f: 10000 });
    const google = writeDb().prepare(`SELECT SUM(created) c, SUM(gross) g FROM "DayUtmTotal" WHERE grain = 1 AND source = 'google'`).get();
    expect(google).toEqual({ c: 0, g: 0 });
  });

  it("count the prepayments flagged as possible repeats, which the overview shows", async () => {
    const { getPrepaymentDoubts } = await import("@/lib/reports/summary");
    const today = dayOf(new Date(), "Europe/Moscow");
    const flagged = await prisma.orderEvent.findMany({ where: { kind: "PREPAID", possibleRepeat: true } });
    expect(flagged.length).toBeGreaterThan(0);
    expect(await getPrepaymentDoubts({ from: today, to: today })).toEqual({ count: flagged.length, amount: flagged.reduce((s, e) => s + e.amount!, 0) });
  });

  it("are rebuilt at start when they were built by another version of the app", async () => {
    const { ensureRollups, ROLLUP_VERSION } = await import("@/lib/ingest/rollups");
    const db = writeDb();
    const kept = rollups();
    ensureRollups(db, "Europe/Moscow"); // same zone, same version: nothing to do
    db.exec(`DELETE FROM "DayUtmTotal"`);
    ensureRollups(db, "Europe/Moscow");
    expect(rollups().utm).toEqual([]);
    // an older app's totals (say, from before DayUtmTotal existed)
    db.prepare(`UPDATE "RollupState" SET version = ?`).run(ROLLUP_VERSION - 1);
    ensureRollups(db, "Europe/Moscow");
    expect(rollups()).toEqual(kept);
    expect(db.prepare(`SELECT version FROM "RollupState"`).get()).toEqual({ version: ROLLUP_VERSION });
  });

  it("equal a rebuild from the stored events, after every delivery above", () => {
    const kept = rollups();
    expect(kept.utm.length).toBeGreaterThan(0);
    rebuildRollups(writeDb(), "Europe/Moscow");
    expect(rollups()).toEqual(kept);
  });
});

describe("answers for bad input: a clear 4xx, never a 500, nothing stored is touched", () => {
  it("405 for other methods", async () => {
    const res = GET();
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("415 for other content types, logged as invalid", async () => {
    const res = await post(JSON.stringify({ id: 1 }), { contentType: "application/json" });
    expect(res.status).toBe(415);
    expect(res.text).toMatch(/application\/json is not accepted/);
    expect(await lastLog()).toMatchObject({ verdict: "INVALID", contentType: "application/json" });
    expect((await post("id=1", { contentType: null })).status).toBe(415);
  });

  it("413 for bodies over 1 MiB, whether declared or streamed", async () => {
    const big = "comment=" + "x".repeat(1024 * 1024);
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(await lastLog()).toMatchObject({ verdict: "INVALID", reason: expect.stringMatching(/larger than the 1 MiB limit/) });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new TextEncoder().encode("a=" + "y".repeat(400 * 1024)));
        c.close();
      },
    });
    const streamed = await POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body: stream, headers: { "content-type": FORM }, duplex: "half" } as RequestInit));
    expect(streamed.status).toBe(413);
  });

  it("403 for a missing signature, with a short reason", async () => {
    const res = await post("id=900001&email=a%40b.c&paid=1718000000&last_payment_sum=10");
    expect(res).toEqual({ status: 403, text: "Forbidden: hash is missing" });
    expect(await order("900001")).toBeNull();
  });

  it("400 for an invalid amount, naming the field", async () => {
    const body = signedBody({ id: "900002", email: "a@b.c", paid: "1718000000", last_payment_sum: "10,50", items: [{ sum: "10,50" }] }, TEST_SECRET);
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.text).toBe('Bad notification: last_payment_sum: "10,50" is not an amount (up to ten digits, optionally "." and up to two decimals); items[0][sum]: "10,50" is not an amount (up to ten digits, optionally "." and up to two decimals)');
    expect(await lastLog()).toMatchObject({ verdict: "INVALID", orderId: "900002" });
    expect(await order("900002")).toBeNull();
  });

  it("400 for a signed payload that is no notification type", async () => {
    const res = await post(signedBody({ id: "900003", email: "a@b.c" }, TEST_SECRET));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/not a JustClick notification type/);
  });

  it("400 for a body PHP would have silently cut", async () => {
    const res = await post("a" + "[x]".repeat(70) + "=1");
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/nests deeper than 64/);
  });

  it("a bad notification for an existing order leaves the order as it was", async () => {
    const before = await order("48120020");
    const body = samples.paid_single_partner_lvl1!.body.replace("partner_fee%5D=1497", "partner_fee%5D=abc");
    expect((await post(body)).status).toBe(400);
    expect(await order("48120020")).toEqual(before);
  });

  it("never answers 500, whatever the body", async () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ["id", "=", "&", "[", "]", "%", "%D0", "paid", "status", "items", "hash", "0", "1718000000", "%00", "+", "moneyback", "new_order", "\u0000", "é", "prepayment_sum", "1.999", ".", "partners"];
    for (let i = 0; i < 300; i++) {
      const body = Array.from({ length: rand(40) }, () => pieces[rand(pieces.length)]).join("");
      const { status } = await post(body);
      expect([200, 400, 403]).toContain(status);
    }
    const bytes = new Uint8Array(2000).map(() => rand(256));
    expect([400, 403]).toContain((await post(bytes)).status);
  });
});

describe("when the database fails", () => {
  it("503 and the raw body kept when the apply step fails", async () => {
    const sqlite = new Database(tmp.url.slice("file:".length));
    sqlite.exec('ALTER TABLE "OrderEvent" RENAME TO "OrderEvent_gone"');
    try {
      const body = signedBody({ id: "990001", email: "d@b.c", paid: "1718000000", last_payment_sum: "5", items: [{ sum: "5" }] }, TEST_SECRET);
      const res = await post(body);
      expect(res.status).toBe(503);
      const log = await lastLog();
      expect(log).toMatchObject({ verdict: "RECEIVED", reason: expect.stringMatching(/^not applied: .*OrderEvent/) });
      expect(Buffer.from(log.body).toString()).toBe(body);
      expect(await order("990001")).toBeNull();
    } finally {
      sqlite.exec('ALTER TABLE "OrderEvent_gone" RENAME TO "OrderEvent"');
      sqlite.close();
    }
  });

  it("503 when not even the log can be written", async () => {
    const sqlite = new Database(tmp.url.slice("file:".length));
    sqlite.exec('ALTER TABLE "Notification" RENAME TO "Notification_gone"');
    try {
      const res = await send("created_single_no_utm");
      expect(res).toEqual({ status: 503, text: "Database unavailable, notification not stored; please retry" });
    } finally {
      sqlite.exec('ALTER TABLE "Notification_gone" RENAME TO "Notification"');
      sqlite.close();
    }
  });
});
