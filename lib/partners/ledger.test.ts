import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signedBody } from "../justclick/encode";
import { loadSamples } from "../testing/samples";
import { TEST_SECRET, useTempDatabase } from "../testing/temp-db";
import { Prisma } from "../generated/prisma/client";
import { holdCutoff, lineStatus, statusSql, type LedgerLine } from "./ledger";

const tmp = await useTempDatabase();
const { POST } = await import("../../app/api/hooks/route");
const { reader, writeDb } = await import("../db");
const { getPartnerReport } = await import("./report");
const { previewPayout, recordPayout, undoPayout, PayoutError } = await import("./payouts");
const { saveSettings } = await import("../settings");
afterAll(() => tmp.cleanup());

const prisma = reader();
const TZ = "Europe/Moscow";
const post = (body: string) =>
  POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
const everything = { from: "2020-01-01", to: "2030-12-31" };
const report = (holdDays = 0, now = new Date()) => getPartnerReport({ range: everything, timeZone: TZ, holdDays, now });
const row = async (partnerId: string, level = 1) => (await report()).rows.find((r) => r.partnerId === partnerId && r.level === level);
const lines = (orderId: string) => prisma.partnerFee.findMany({ where: { orderId }, orderBy: { id: "asc" } });

let nextId = 100;
/** A paid order with one item per fee, all for partner `partner` at level 1 (and `level2` at level 2). */
function paid(opts: { id?: string; paid?: number; fees: string[]; partner?: string; level2?: string }) {
  const id = opts.id ?? String(300000 + nextId++);
  const paidAt = String(opts.paid ?? 1718000000);
  const items = opts.fees.map((fee, i) => ({
    id: `p${i}`,
    sum: "1000",
    partners: [
      { partner_lvl: "1", partner_id: opts.partner ?? "501", partner_name: `partner_${opts.partner ?? "501"}`, partner_fee: fee },
      ...(opts.level2 ? [{ partner_lvl: "2", partner_id: opts.level2, partner_name: `partner_${opts.level2}`, partner_fee: "1" }] : []),
    ],
  }));
  return { id, body: signedBody({ id, email: `${id}@example.com`, paid: paidAt, last_payment_sum: String(1000 * opts.fees.length), items }, TEST_SECRET) };
}
const moneyback = (id: string) => signedBody({ id, email: `${id}@example.com`, status: "moneyback", items: [{ id: "p0", sum: "1000" }] }, TEST_SECRET);

beforeEach(() => saveSettings({ refundsReverseFees: true, feeHoldDays: 0 }));

describe("fee lines", () => {
  it("are summed per item and kept per level: partners seen only at level 2 are in the report", async () => {
    await post(loadSamples().paid_multi_partners_lvl1_lvl2!.body);
    expect(await row("100136", 1)).toMatchObject({ login: "mike_black", earned: 70000, due: 70000 });
    expect(await row("100137", 2)).toMatchObject({ login: "john_brown", earned: 7000, due: 7000 });
    expect(await row("100137", 1)).toBeUndefined();
    expect((await lines("48120030")).map((l) => [l.partnerId, l.level, l.amount])).toEqual([
      ["100136", 1, 35000], ["100137", 2, 3500], ["100136", 1, 35000], ["100137", 2, 3500],
    ]);
  });

  it("are not counted twice for a repeated delivery, and prepayments earn nothing", async () => {
    const s = loadSamples();
    for (const name of ["prepaid_first_installment", "prepaid_second_installment", "paid_after_prepayments", "paid_single_partner_lvl1", "paid_duplicate_of_partner_lvl1"]) {
      await post(s[name]!.body);
    }
    expect((await lines("48120060")).map((l) => l.amount)).toEqual([300000]);
    expect((await lines("48120020")).map((l) => l.amount)).toEqual([149700]);
    expect(await row("210001")).toMatchObject({ earned: 449700 });
  });

  it("are earned again by a rebill that carries partners, not by one that does not", async () => {
    const s = loadSamples();
    await post(s.paid_recurrent_first!.body);
    await post(s.paid_recurrent_rebill_assumed!.body); // no partners
    expect((await lines("48120070")).map((l) => l.amount)).toEqual([44700]);
    const rebillWithPartner = signedBody({ id: "48120070", email: "dmitry.fake@example.org", paid: "1723000000", last_payment_sum: "1490", items: [{ id: "club_month", sum: "1490", partners: [{ partner_lvl: "1", partner_id: "210002", partner_name: "partner_beta", partner_fee: "447" }] }] }, TEST_SECRET);
    expect((await post(rebillWithPartner)).status).toBe(200);
    expect((await lines("48120070")).map((l) => l.amount)).toEqual([44700, 44700]);
  });
});

describe("refunds", () => {
  it("reverse a fee not paid out yet: it never becomes due", async () => {
    const o = paid({ fees: ["100"], partner: "601" });
    await post(o.body);
    await post(moneyback(o.id));
    const [line] = await lines(o.id);
    expect(line!.reversedAt).not.toBeNull();
    expect(await row("601")).toMatchObject({ earned: 10000, reversed: 10000, due: 0, clawedBack: 0 });
  });

  it("never edit a fee already paid out: a clawback line nets against the next payout", async () => {
    const first = paid({ fees: ["100"], partner: "602" });
    await post(first.body);
    recordPayout({ partnerId: "602", period: everything, amount: 10000, paidOn: "2024-06-30", reference: "bank 1", comment: null, createdBy: "owner" }, TZ);
    await post(moneyback(first.id));
    const [fee, clawback] = await lines(first.id);
    expect(fee).toMatchObject({ kind: "FEE", amount: 10000, reversedAt: null });
    expect(fee!.payoutId).not.toBeNull();
    expect(clawback).toMatchObject({ kind: "CLAWBACK", amount: -10000, clawbackOfId: fee!.id, payoutId: null });
    expect(await row("602")).toMatchObject({ earned: 10000, paid: 10000, clawedBack: 10000, due: -10000 });

    // the next payout settles the new fee minus the clawback
    const second = paid({ fees: ["250"], partner: "602", paid: 1719000000 });
    await post(second.body);
    expect(previewPayout({ partnerId: "602", period: everything }, TZ)).toEqual({ lines: 2, amount: 15000 });
    recordPayout({ partnerId: "602", period: everything, amount: 15000, paidOn: "2024-07-31", reference: null, comment: null, createdBy: "owner" }, TZ);
    expect(await row("602")).toMatchObject({ earned: 35000, paid: 25000, clawedBack: 10000, due: 0 });

    // a repeated MoneyBack adds nothing
    await post(moneyback(first.id));
    expect((await lines(first.id)).length).toBe(2);
  });

  it("arriving before the payment reverse its fees from the start", async () => {
    const o = paid({ fees: ["100"], partner: "603" });
    await post(moneyback(o.id));
    await post(o.body);
    expect(await row("603")).toMatchObject({ earned: 10000, reversed: 10000, due: 0 });
  });

  it("leave fees alone when the shop's setting says refunds do not reverse them", async () => {
    saveSettings({ refundsReverseFees: false, feeHoldDays: 0 });
    const o = paid({ fees: ["100"], partner: "604" });
    await post(o.body);
    await post(moneyback(o.id));
    expect(await row("604")).toMatchObject({ earned: 10000, reversed: 0, due: 10000 });
  });
});

describe("payouts", () => {
  it("must be for exactly what is due, and cannot settle held fees", async () => {
    const now = new Date(1718000000 * 1000 + 3 * 86_400_000);
    saveSettings({ refundsReverseFees: true, feeHoldDays: 14 });
    const o = paid({ fees: ["100"], partner: "605" });
    await post(o.body);
    expect((await report(14, now)).rows.find((r) => r.partnerId === "605")).toMatchObject({ held: 10000, due: 0 });
    expect(() => recordPayout({ partnerId: "605", period: everything, amount: 10000, paidOn: "2024-06-13", reference: null, comment: null, createdBy: "o" }, TZ, now)).toThrow(
      /nothing is due/,
    );
    const later = new Date(now.getTime() + 20 * 86_400_000);
    expect(() => recordPayout({ partnerId: "605", period: everything, amount: 9999, paidOn: "2024-07-01", reference: null, comment: null, createdBy: "o" }, TZ, later)).toThrow(
      new PayoutError("the amount must be what is due for the period, 100.00 (the ledger records whole lines)"),
    );
    recordPayout({ partnerId: "605", period: everything, amount: 10000, paidOn: "2024-07-01", reference: null, comment: null, createdBy: "o" }, TZ, later);
    expect((await report(14, later)).rows.find((r) => r.partnerId === "605")).toMatchObject({ paid: 10000, due: 0, held: 0 });
  });

  it("settle only fees earned in their period", async () => {
    await post(paid({ fees: ["100"], partner: "606", paid: Date.UTC(2024, 4, 15) / 1000 }).body);
    await post(paid({ fees: ["200"], partner: "606", paid: Date.UTC(2024, 5, 15) / 1000 }).body);
    expect(previewPayout({ partnerId: "606", period: { from: "2024-06-01", to: "2024-06-30" } }, TZ)).toEqual({ lines: 1, amount: 20000 });
  });

  it("can be undone with a reason, making their lines due again", async () => {
    await post(paid({ fees: ["300"], partner: "607" }).body);
    const id = recordPayout({ partnerId: "607", period: everything, amount: 30000, paidOn: "2024-07-01", reference: null, comment: null, createdBy: "o" }, TZ);
    undoPayout({ payoutId: id, reason: "paid to the wrong card", undoneBy: "owner@example.com" });
    expect(await row("607")).toMatchObject({ paid: 0, due: 30000 });
    expect(await prisma.payout.findUnique({ where: { id } })).toMatchObject({ undoReason: "paid to the wrong card", undoneBy: "owner@example.com" });
    expect(() => undoPayout({ payoutId: id, reason: "again", undoneBy: "o" })).toThrow(/already undone/);
  });
});

describe("line status", () => {
  it("is the same rule in TypeScript and in SQL", () => {
    const now = new Date(Date.UTC(2024, 6, 1));
    const hold = 7;
    const cases: LedgerLine[] = [];
    for (const kind of ["FEE", "CLAWBACK"] as const)
      for (const earnedAt of [new Date(Date.UTC(2024, 5, 1)), new Date(holdCutoff(now, hold).getTime() + 1000)])
        for (const reversedAt of [null, new Date(Date.UTC(2024, 6, 1))])
          for (const payoutId of [null, 3]) cases.push({ kind, earnedAt, reversedAt, payoutId });
    const sqlite = writeDb();
    for (const line of cases) {
      const sql = Prisma.sql`SELECT ${statusSql(now, hold)} AS status FROM (SELECT ${line.kind} AS kind, ${line.earnedAt.getTime()} AS earnedAt, ${line.reversedAt?.getTime() ?? null} AS reversedAt, ${line.payoutId} AS payoutId) f`;
      const { status } = sqlite.prepare(sql.sql).get(...sql.values) as { status: string };
      expect({ line, status }).toEqual({ line, status: lineStatus(line, now, hold) });
    }
  });
});
