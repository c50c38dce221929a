import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import phpFixtures from "./__fixtures__/php-parse-str.json";
import { checkContentType } from "./body";
import { classify, hintDisagreement, readHint } from "./classify";
import { httpBuildQuery, signedBody } from "./encode";
import { parseStr, toPlain } from "./parse-str";
import { readNotificationBody } from "./read";
import { verifySignature } from "./signature";

const SECRET = "test-secret-key";
const samplesDir = path.join(import.meta.dirname, "__fixtures__/samples");
const sample = (name: string) => fs.readFileSync(path.join(samplesDir, `${name}.txt`), "utf8").split("\n")[2]!;
const read = (body: string, query = "", secret = SECRET) =>
  readNotificationBody(Buffer.from(body, "utf8"), "utf-8", new URLSearchParams(query), secret);

describe("signature: md5(id . email . paid . secret)", () => {
  it("accepts a paid notification signed with its paid time", () => {
    expect(verifySignature(parseStr(sample("paid_single_no_partners")), SECRET)).toEqual({ ok: true, form: "paid" });
  });

  it("accepts a notification without paid signed with an empty string in its place", () => {
    expect(verifySignature(parseStr(sample("prepaid_first_installment")), SECRET)).toEqual({ ok: true, form: "empty" });
  });

  it("accepts a notification without paid signed with the created time (the docs' other reading)", () => {
    const body = signedBody({ status: "new_order", id: "1", email: "a@b.c", created: "1718003521" }, SECRET)
      .replace(/hash=.*/, "");
    const hash = (s: string) => createHash("md5").update(s).digest("hex");
    const withCreated = body + "hash=" + hash("1a@b.c1718003521" + SECRET);
    expect(verifySignature(parseStr(withCreated), SECRET)).toEqual({ ok: true, form: "created" });
  });

  it("rejects a body signed with another secret", () => {
    expect(verifySignature(parseStr(sample("paid_forged_wrong_secret")), SECRET)).toMatchObject({ ok: false, reason: /does not match/ });
  });

  it("rejects a paid notification hashed without its paid time", () => {
    const fields = { id: "5", email: "x@y.z", paid: "1718000000", last_payment_sum: "10" };
    const wrong = signedBody({ ...fields, paid: "" }, SECRET).replace("paid=&", "paid=1718000000&");
    expect(verifySignature(parseStr(wrong), SECRET).ok).toBe(false);
  });

  it("rejects a missing or malformed hash", () => {
    expect(verifySignature(parseStr("id=1&email=a"), SECRET)).toEqual({ ok: false, reason: "hash is missing" });
    expect(verifySignature(parseStr("id=1&email=a&hash=xyz"), SECRET)).toEqual({ ok: false, reason: "hash is not 32 hex digits" });
    expect(verifySignature(parseStr("id=1&email=a&hash[]=x"), SECRET).ok).toBe(false);
  });

  it("hashes values exactly as received: no trimming, no lower-casing", () => {
    const body = signedBody({ id: "7", email: " Anna@Example.COM ", paid: "1718000000", last_payment_sum: "1" }, SECRET);
    expect(verifySignature(parseStr(body), SECRET).ok).toBe(true);
    expect(verifySignature(parseStr(body.replace("+Anna%40Example.COM+", "anna%40example.com")), SECRET).ok).toBe(false);
  });

  it("accepts the hex digest in upper case", () => {
    const body = signedBody({ id: "7", email: "a@b.c", paid: "1718000000" }, SECRET);
    expect(verifySignature(parseStr(body.replace(/hash=(.*)$/, (_, h: string) => "hash=" + h.toUpperCase())), SECRET).ok).toBe(true);
  });
});

describe("classify: status, then prepayment_sum, then paid / last_payment_sum", () => {
  it.each([
    ["created_single_no_utm", "created"],
    ["created_multi_utm_kupon", "created"],
    ["prepaid_first_installment", "prepaid"],
    ["paid_after_prepayments", "paid"],
    ["paid_recurrent_rebill_assumed", "paid"],
    ["moneyback_full", "moneyback"],
    ["cancel_order", "cancel"],
  ])("%s is %s", (name, kind) => {
    expect(classify(parseStr(sample(name)))).toEqual({ ok: true, kind });
  });

  it("prefers status over money fields, and prepayment over paid", () => {
    expect(classify(parseStr("status=moneyback&paid=1&prepayment_sum=5"))).toEqual({ ok: true, kind: "moneyback" });
    expect(classify(parseStr("prepayment_sum=5&paid=1"))).toEqual({ ok: true, kind: "prepaid" });
    expect(classify(parseStr("last_payment_sum=5"))).toEqual({ ok: true, kind: "paid" });
  });

  it("does not call a body without paid 'created': that needs status=new_order", () => {
    expect(classify(parseStr("id=1&email=a@b.c&created=1718000000"))).toMatchObject({ ok: false });
    expect(classify(parseStr("id=1&paid=&prepayment_sum="))).toMatchObject({ ok: false });
  });

  it("names an unknown status", () => {
    expect(classify(parseStr("status=refund_partial&id=1"))).toEqual({ ok: false, reason: 'unknown status "refund_partial"' });
  });
});

describe("URL hints", () => {
  it("reads ?type= and JustClick's ?a=make|paid", () => {
    expect(readHint(new URLSearchParams("type=moneyback")).kind).toBe("moneyback");
    expect(readHint(new URLSearchParams("a=make")).kind).toBe("created");
    expect(readHint(new URLSearchParams("a=paid")).kind).toBe("paid");
    expect(readHint(new URLSearchParams("")).kind).toBeNull();
  });

  it("records a disagreement and an unreadable hint, never obeys them", () => {
    expect(hintDisagreement(readHint(new URLSearchParams("a=make")), "paid")).toMatch(/URL says created but the payload is paid/);
    expect(hintDisagreement(readHint(new URLSearchParams("type=refund")), "paid")).toMatch(/unknown hint \?type=refund/);
    expect(hintDisagreement(readHint(new URLSearchParams("type=paid")), "paid")).toBeNull();
    const reading = read(sample("created_single_no_utm"), "a=paid");
    expect(reading).toMatchObject({ ok: true, notification: { kind: "created" }, hintNote: /payload decides/ });
  });
});

describe("content type", () => {
  it("accepts form-urlencoded with or without a charset", () => {
    expect(checkContentType("application/x-www-form-urlencoded")).toEqual({ ok: true, charset: "utf-8" });
    expect(checkContentType("application/x-www-form-urlencoded; charset=Windows-1251")).toEqual({ ok: true, charset: "windows-1251" });
  });

  it("refuses other types and unknown charsets with a reason", () => {
    expect(checkContentType("application/json")).toMatchObject({ ok: false, reason: /application\/json is not accepted/ });
    expect(checkContentType(null)).toMatchObject({ ok: false, reason: /missing/ });
    expect(checkContentType("application/x-www-form-urlencoded; charset=klingon")).toMatchObject({ ok: false, reason: /klingon/ });
  });

  it("decodes windows-1251 bodies and checks the hash over the original bytes", () => {
    const cp1251Anna = "%C0%ED%ED%E0"; // "Анна" in windows-1251
    const hash = createHash("md5").update(Buffer.concat([Buffer.from("9"), Buffer.from([0xc0, 0xed, 0xed, 0xe0]), Buffer.from("1718000000" + SECRET)])).digest("hex");
    const body = `id=9&email=${cp1251Anna}&paid=1718000000&last_payment_sum=1&first_name=${cp1251Anna}&items[0][sum]=1&hash=${hash}`;
    const reading = readNotificationBody(Buffer.from(body), "windows-1251", new URLSearchParams(), SECRET);
    expect(reading).toMatchObject({ ok: true, notification: { firstName: "Анна", email: "Анна" } });
  });
});

describe("reading whole notifications", () => {
  it("reads a paid notification with partners on two levels into minor units", () => {
    const r = read(sample("paid_multi_partners_lvl1_lvl2"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const n = r.notification;
    expect(n).toMatchObject({ kind: "paid", orderId: "48120030", total: 1089000, lastPaymentSum: 1089000, isRecurrent: false });
    expect(n.paidAt?.toISOString()).toBe(new Date(1718030333 * 1000).toISOString());
    expect(n.items.map((i) => i.partners.map((p) => [p.level, p.login, p.fee]))).toEqual([
      [[1, "mike_black", 35000], [2, "john_brown", 3500]],
      [[1, "mike_black", 35000], [2, "john_brown", 3500]],
    ]);
    expect(n.utm).toEqual({ source: "fb", medium: "social", campaign: "programmers", content: null, term: null });
  });

  it("keeps Cyrillic text, empty strings and absent fields apart", () => {
    const r = read(sample("created_single_no_utm"));
    expect(r).toMatchObject({ ok: true, notification: { firstName: "Анна", middleName: null, city: "", items: [{ title: "Курс «Старт»", sum: 99000, price: 99000, pincode: null }] } });
  });

  it("accepts coupon (InfluencerSoft) as kupon", () => {
    const body = signedBody({ status: "new_order", id: "3", email: "a@b.c", coupon: "SALE", items: [{ id: "x", sum: "1" }] }, SECRET);
    expect(read(body)).toMatchObject({ ok: true, notification: { coupon: "SALE" } });
  });

  it("names the field and value that are wrong", () => {
    const body = signedBody({ id: "4", email: "a@b.c", paid: "1718000000", last_payment_sum: "1,50", items: [{ id: "x", sum: "12.505" }] }, SECRET);
    const r = read(body);
    expect(r).toMatchObject({ ok: false, problem: "invalid" });
    if (r.ok) return;
    expect(r.reason).toContain('last_payment_sum: "1,50" is not an amount');
    expect(r.reason).toContain('items[0][sum]: "12.505" is not an amount');
  });

  it("refuses a partner level JustClick does not have", () => {
    const body = signedBody({ id: "4", email: "a", paid: "1718000000", items: [{ sum: "1", partners: [{ partner_lvl: "3", partner_id: "1", partner_fee: "1" }] }] }, SECRET);
    expect(read(body)).toMatchObject({ ok: false, reason: /items\[0\]\[partners\]\[0\]\[partner_lvl\]: must be 1 or 2/ });
  });

  it("refuses a notification without an invoice id", () => {
    const body = signedBody({ id: "", email: "a", paid: "1718000000", last_payment_sum: "1" }, SECRET);
    expect(read(body)).toMatchObject({ ok: false, problem: "invalid", reason: /^id: must be the invoice number/ });
  });

  it("refuses a paid notification without its paid time", () => {
    const body = signedBody({ id: "8", email: "a", last_payment_sum: "1" }, SECRET);
    expect(read(body)).toMatchObject({ ok: false, reason: /must carry its paid time/ });
  });

  it("checks the signature before anything about the fields is told", () => {
    expect(read("id=1&paid=1&last_payment_sum=abc&hash=00000000000000000000000000000000")).toMatchObject({ ok: false, problem: "forged" });
  });

  it("reports an unclassifiable but signed payload", () => {
    expect(read(signedBody({ id: "1", email: "a" }, SECRET))).toMatchObject({ ok: false, problem: "unclassifiable", orderId: "1" });
  });

  it("refuses bytes that are not valid in the body's charset", () => {
    const body = signedBody({ id: "1", email: "a", paid: "1718000000" }, SECRET) + "&first_name=%D0";
    expect(read(body)).toMatchObject({ ok: false, problem: "malformed", reason: "first_name is not valid utf-8" });
  });

  it("reads 25 items and 80 items with two partners each completely", () => {
    for (const [count, partners] of [[25, 0], [80, 2]] as const) {
      const items = Array.from({ length: count }, (_, i) => ({
        id: `p${i}`,
        sum: "10.50",
        partners: Array.from({ length: partners }, (_, l) => ({ partner_lvl: String(l + 1), partner_id: String(100 + l), partner_name: `n${l}`, partner_fee: "1" })),
      }));
      const r = read(signedBody({ id: "9", email: "a", paid: "1718000000", last_payment_sum: "1", items }, SECRET));
      expect(r.ok && r.notification.items.length).toBe(count);
      expect(r.ok && r.notification.total).toBe(count * 1050);
      expect(r.ok && r.notification.items.flatMap((i) => i.partners).length).toBe(count * partners);
    }
  });
});

describe("httpBuildQuery builds what PHP's http_build_query builds", () => {
  it.each(phpFixtures.cases.filter((c) => c.body.includes("48120099")).map((c) => [c.body.length, c.body] as const))(
    "round-trips a PHP-built body of %i bytes",
    (_len, body) => {
      const asText = (v: unknown): unknown =>
        typeof v === "string" ? Buffer.from(v, "latin1").toString("utf8")
        : Array.isArray(v) ? v.map(asText)
        : Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asText(x)]));
      expect(httpBuildQuery(asText(toPlain(parseStr(body))) as Record<string, unknown>) === body).toBe(true);
    },
  );
});
