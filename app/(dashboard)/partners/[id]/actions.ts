"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAdmin } from "@/lib/access";
import { auth } from "@/lib/auth";
import { config } from "@/lib/config";
import { parseMoney } from "@/lib/money";
import { PayoutError, recordPayout, undoPayout } from "@/lib/partners/payouts";
import { isDay } from "@/lib/time";

export interface FormState {
  error: string | null;
}

const day = (name: string) => z.string().refine(isDay, `${name} must be a date (YYYY-MM-DD)`);

/** "1 234,50" or "1234.50" as typed into the amount field. */
const amount = z
  .string()
  .transform((s) => parseMoney(s.replace(/[\s\u00a0]/g, "").replace(",", ".")))
  .refine((v): v is number => v !== null && v > 0, "the amount must be a positive number with at most two decimals");

const payoutForm = z
  .object({
    partnerId: z.string().regex(/^[0-9]{1,20}$/),
    from: day("From"),
    to: day("To"),
    amount,
    paidOn: day("The payment date"),
    reference: z.string().trim().max(200, "the reference is too long"),
    comment: z.string().trim().max(1000, "the comment is too long"),
  })
  .refine((f) => f.from <= f.to, "the period's start is after its end");

const firstIssue = (e: z.ZodError) => e.issues[0]?.message ?? "invalid form";

export async function recordPayoutAction(_prev: FormState, form: FormData): Promise<FormState> {
  const session = await auth();
  if (!session?.user?.email) return { error: "Sign in again." };
  const parsed = payoutForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: `Not recorded: ${firstIssue(parsed.error)}.` };
  const f = parsed.data;
  let id: number;
  try {
    id = recordPayout(
      {
        partnerId: f.partnerId,
        period: { from: f.from, to: f.to },
        amount: f.amount,
        paidOn: f.paidOn,
        reference: f.reference || null,
        comment: f.comment || null,
        createdBy: session.user.email,
      },
      config().timeZone,
    );
  } catch (e) {
    if (e instanceof PayoutError) return { error: `Not recorded: ${e.message}.` };
    throw e;
  }
  // the form goes away with what it settled: say so on the page it leads back to
  revalidatePath(`/partners/${f.partnerId}`);
  redirect(`/partners/${f.partnerId}?recorded=${id}`);
}

const undoForm = z.object({
  payoutId: z.coerce.number().int().positive(),
  partnerId: z.string().regex(/^[0-9]{1,20}$/),
  reason: z.string().trim().min(3, "say why the payout is undone").max(500, "the reason is too long"),
});

export async function undoPayoutAction(_prev: FormState, form: FormData): Promise<FormState> {
  const session = await auth();
  if (!isAdmin(session)) return { error: "Only an admin can undo a payout." };
  const parsed = undoForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: `Not undone: ${firstIssue(parsed.error)}.` };
  try {
    undoPayout({ payoutId: parsed.data.payoutId, reason: parsed.data.reason, undoneBy: session!.user.email! });
  } catch (e) {
    if (e instanceof PayoutError) return { error: `Not undone: ${e.message}.` };
    throw e;
  }
  revalidatePath(`/partners/${parsed.data.partnerId}`);
  redirect(`/partners/${parsed.data.partnerId}?undone=${parsed.data.payoutId}`);
}
