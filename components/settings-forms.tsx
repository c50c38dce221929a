"use client";

import { useActionState } from "react";
import { addUserAction, saveSettingsAction, setPasswordAction, type FormState } from "@/app/(dashboard)/settings/actions";

const initial: FormState = { error: null, done: null };
const input = "rounded-md border border-slate-300 px-2 py-1";
const button = "rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-60";

function Result({ state, testId }: { state: FormState; testId: string }) {
  if (state.error) return <p className="text-sm text-red-700" data-testid={`${testId}-error`}>{state.error}</p>;
  if (state.done) return <p className="text-sm text-emerald-700" data-testid={`${testId}-done`}>{state.done}</p>;
  return null;
}

export function ShopSettingsForm({ refundsReverseFees, feeHoldDays }: { refundsReverseFees: boolean; feeHoldDays: number }) {
  const [state, action, pending] = useActionState(saveSettingsAction, initial);
  return (
    <form action={action} className="space-y-3 text-sm">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="refundsReverseFees" defaultChecked={refundsReverseFees} className="mt-1" />
        <span>
          A MoneyBack reverses the order&apos;s partner fees
          <span className="block text-slate-500">
            JustClick sets this per invoice (&quot;subtract the commission on refund&quot;) and does not say in the notification. Fees not paid out yet are
            reversed; paid ones get a clawback that nets against the partner&apos;s next payout.
          </span>
        </span>
      </label>
      <label className="block">
        <span className="text-slate-700">Hold period, days</span>
        <input type="number" name="feeHoldDays" min={0} max={365} defaultValue={feeHoldDays} className={`${input} ml-2 w-20`} aria-label="Hold period, days" />
        <span className="block text-slate-500">Fees become due this many days after the payment, so refunds inside your refund window need no clawback.</span>
      </label>
      <button type="submit" disabled={pending} className={button}>
        Save
      </button>
      <Result state={state} testId="settings" />
    </form>
  );
}

export function AddUserForm() {
  const [state, action, pending] = useActionState(addUserAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <input name="email" type="email" required placeholder="email" className={input} aria-label="New user's email" />
      <select name="role" className={input} aria-label="Role" defaultValue="STAFF">
        <option value="STAFF">staff</option>
        <option value="ADMIN">admin</option>
      </select>
      <input name="password" type="password" required minLength={10} placeholder="password (10+ characters)" className={input} aria-label="New user's password" />
      <button type="submit" disabled={pending} className={button}>
        Add user
      </button>
      <Result state={state} testId="add-user" />
    </form>
  );
}

export function SetPasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(setPasswordAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="email" value={email} />
      <input name="password" type="password" required minLength={10} placeholder="new password" className={`${input} w-44`} aria-label={`New password for ${email}`} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
        Set password
      </button>
      <Result state={state} testId="password" />
    </form>
  );
}
