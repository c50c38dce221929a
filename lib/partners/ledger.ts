/**
 * The partner fee ledger's rules, in one place. A fee line is:
 * - reversed: a MoneyBack reversed it before it was paid out (it never becomes due);
 * - paid: a payout settled it (a paid line is never edited again: a later refund adds a clawback);
 * - held: a fee still inside the shop's hold period (days after the payment), not due yet;
 * - due: everything else, clawbacks included (negative: they net against the next payout).
 * statusSql is the same rule for queries that aggregate in the database; a test keeps the two in step.
 */
import { Prisma } from "../generated/prisma/client";
import type { FeeLineKind } from "../generated/prisma/enums";

export const LINE_STATUSES = ["held", "due", "paid", "reversed"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export interface LedgerLine {
  kind: FeeLineKind;
  earnedAt: Date;
  reversedAt: Date | null;
  payoutId: number | null;
}

const DAY_MS = 86_400_000;

/** Fees earned before this instant are past the hold period at `now`. */
export function holdCutoff(now: Date, holdDays: number): Date {
  return new Date(now.getTime() - holdDays * DAY_MS);
}

export function lineStatus(line: LedgerLine, now: Date, holdDays: number): LineStatus {
  if (line.reversedAt) return "reversed";
  if (line.payoutId !== null) return "paid";
  if (line.kind === "FEE" && line.earnedAt > holdCutoff(now, holdDays)) return "held";
  return "due";
}

/** The same rule as lineStatus, as SQL over a PartnerFee row aliased `f`. */
export function statusSql(now: Date, holdDays: number): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN f.reversedAt IS NOT NULL THEN 'reversed'
    WHEN f.payoutId IS NOT NULL THEN 'paid'
    WHEN f.kind = 'FEE' AND f.earnedAt > ${holdCutoff(now, holdDays).getTime()} THEN 'held'
    ELSE 'due' END`;
}

/** Whether a MoneyBack received at `refundedAt` takes back a fee earned at `earnedAt`. */
export function refundReaches(earnedAt: Date, refundedAt: Date | null, refundsReverseFees: boolean): boolean {
  return refundsReverseFees && !!refundedAt && earnedAt <= refundedAt;
}
