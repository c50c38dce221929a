/**
 * Payouts: the shop owner pays a partner outside JustClick and records it here. A payout settles the
 * partner's due lines: fees earned in its period and past the hold, plus every clawback up to the
 * period's end (so clawbacks net against the next payout). The amount recorded must equal what those
 * lines add up to, so the ledger and the payouts never disagree. Undoing a payout (admins, with a
 * reason) keeps it for the record and makes its lines due again.
 */
import type Database from "better-sqlite3";
import { writeDb } from "../db";
import { readSettings } from "../ingest/store";
import { toDecimalString } from "../money";
import { dayOf, rangeInstants, type DayRange } from "../time";
import { holdCutoff } from "./ledger";

export class PayoutError extends Error {}

const SETTLED_BY_PAYOUT = `
  FROM "PartnerFee" f
  WHERE f.partnerId = @partnerId AND f.payoutId IS NULL AND f.reversedAt IS NULL AND (
    (f.kind = 'FEE' AND f.earnedAt >= @start AND f.earnedAt < @end AND f.earnedAt <= @cutoff)
    OR (f.kind = 'CLAWBACK' AND f.earnedAt < @end)
  )`;

interface Selection {
  partnerId: string;
  period: DayRange;
}

function params(sel: Selection, timeZone: string, now: Date, holdDays: number) {
  const { start, end } = rangeInstants(sel.period, timeZone);
  return { partnerId: sel.partnerId, start: start.getTime(), end: end.getTime(), cutoff: holdCutoff(now, holdDays).getTime() };
}

/** What a payout for this partner and period would settle right now. */
export function previewPayout(sel: Selection, timeZone: string, now = new Date(), sqlite: Database.Database = writeDb()): { lines: number; amount: number } {
  const { feeHoldDays } = readSettings(sqlite);
  const row = sqlite.prepare(`SELECT count(*) AS lines, coalesce(sum(f.amount), 0) AS amount ${SETTLED_BY_PAYOUT}`).get(params(sel, timeZone, now, feeHoldDays)) as {
    lines: number;
    amount: number;
  };
  return row;
}

export interface NewPayout extends Selection {
  amount: number;
  paidOn: string;
  reference: string | null;
  comment: string | null;
  createdBy: string;
}

export function recordPayout(p: NewPayout, timeZone: string, now = new Date(), sqlite: Database.Database = writeDb()): number {
  return sqlite
    .transaction(() => {
      const { feeHoldDays } = readSettings(sqlite);
      const args = params(p, timeZone, now, feeHoldDays);
      const due = sqlite.prepare(`SELECT count(*) AS lines, coalesce(sum(f.amount), 0) AS amount ${SETTLED_BY_PAYOUT}`).get(args) as { lines: number; amount: number };
      if (due.lines === 0) throw new PayoutError("nothing is due to this partner for that period");
      if (due.amount <= 0) throw new PayoutError(`the lines due add up to ${toDecimalString(due.amount)}: clawbacks exceed the fees, nothing to pay`);
      if (p.amount !== due.amount) {
        throw new PayoutError(`the amount must be what is due for the period, ${toDecimalString(due.amount)} (the ledger records whole lines)`);
      }
      const { id } = sqlite
        .prepare(
          `INSERT INTO "Payout" (partnerId, periodFrom, periodTo, amount, paidOn, reference, comment, createdAt, createdBy)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(p.partnerId, p.period.from, p.period.to, p.amount, p.paidOn, p.reference, p.comment, now.getTime(), p.createdBy) as { id: number };
      sqlite.prepare(`UPDATE "PartnerFee" SET payoutId = @payoutId WHERE id IN (SELECT f.id ${SETTLED_BY_PAYOUT})`).run({ ...args, payoutId: id });
      return id;
    })
    .immediate();
}

export function undoPayout(u: { payoutId: number; reason: string; undoneBy: string }, now = new Date(), sqlite: Database.Database = writeDb()): void {
  sqlite
    .transaction(() => {
      const payout = sqlite.prepare(`SELECT undoneAt FROM "Payout" WHERE id = ?`).get(u.payoutId) as { undoneAt: number | null } | undefined;
      if (!payout) throw new PayoutError(`there is no payout ${u.payoutId}`);
      if (payout.undoneAt !== null) throw new PayoutError("that payout is already undone");
      sqlite.prepare(`UPDATE "Payout" SET undoneAt = ?, undoneBy = ?, undoReason = ? WHERE id = ?`).run(now.getTime(), u.undoneBy, u.reason, u.payoutId);
      sqlite.prepare(`UPDATE "PartnerFee" SET payoutId = NULL WHERE payoutId = ?`).run(u.payoutId);
    })
    .immediate();
}

/** The local day of the oldest line a payout could settle for this partner now (null when nothing is due). */
export function oldestDueDay(partnerId: string, timeZone: string, now = new Date(), sqlite: Database.Database = writeDb()): string | null {
  const { feeHoldDays } = readSettings(sqlite);
  const row = sqlite
    .prepare(`SELECT min(earnedAt) AS first FROM "PartnerFee" WHERE partnerId = ? AND payoutId IS NULL AND reversedAt IS NULL AND (kind = 'CLAWBACK' OR earnedAt <= ?)`)
    .get(partnerId, holdCutoff(now, feeHoldDays).getTime()) as { first: number | null };
  return row.first === null ? null : dayOf(new Date(row.first), timeZone);
}
