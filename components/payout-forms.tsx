"use client";

import { useActionState } from "react";
import { recordPayoutAction, undoPayoutAction, type FormState } from "@/app/(dashboard)/partners/[id]/actions";

const initial: FormState = { error: null };
const input = "rounded-md border border-slate-300 px-2 py-1";

function Result({ state }: { state: FormState }) {
  return state.error ? <p className="text-sm text-red-700" data-testid="form-error">{state.error}</p> : null;
}

export function RecordPayoutForm({ partnerId, from, to, amount, today }: { partnerId: string; from: string; to: string; amount: string; today: string }) {
  const [state, action, pending] = useActionState(recordPayoutAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 text-sm" data-testid="payout-form">
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <label>
        <span className="block text-slate-500">Amount paid</span>
        <input name="amount" defaultValue={amount} required className={`${input} w-32`} aria-label="Amount paid" />
      </label>
      <label>
        <span className="block text-slate-500">Paid on</span>
        <input name="paidOn" type="date" defaultValue={today} required className={input} aria-label="Paid on" />
      </label>
      <label>
        <span className="block text-slate-500">Reference</span>
        <input name="reference" placeholder="bank transfer no." className={input} aria-label="Reference" />
      </label>
      <label className="min-w-60 flex-1">
        <span className="block text-slate-500">Comment</span>
        <input name="comment" className={`${input} w-full`} aria-label="Comment" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        Record payout
      </button>
      <Result state={state} />
    </form>
  );
}

export function UndoPayoutForm({ payoutId, partnerId }: { payoutId: number; partnerId: string }) {
  const [state, action, pending] = useActionState(undoPayoutAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="payoutId" value={payoutId} />
      <input type="hidden" name="partnerId" value={partnerId} />
      <input name="reason" placeholder="why undo it" required minLength={3} className={`${input} w-48`} aria-label={`Reason to undo payout ${payoutId}`} />
      <button type="submit" disabled={pending} className="rounded-md border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50">
        Undo
      </button>
      <Result state={state} />
    </form>
  );
}
