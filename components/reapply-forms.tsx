"use client";

import { useActionState } from "react";
import { reapplyOneAction, reapplyRejectedAction, type ReapplyState } from "@/app/(dashboard)/notifications/actions";

const initial: ReapplyState = { message: null, error: null };

function Result({ state }: { state: ReapplyState }) {
  if (state.error) return <span className="text-sm text-red-700" data-testid="reapply-error">{state.error}</span>;
  if (state.message) return <span className="text-sm text-slate-700" data-testid="reapply-result">{state.message}</span>;
  return null;
}

export function ReapplyOne({ id }: { id: number }) {
  const [state, action, pending] = useActionState(reapplyOneAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60" data-testid={`reapply-${id}`}>
        {pending ? "Applying…" : "Re-apply"}
      </button>
      <Result state={state} />
    </form>
  );
}

export function ReapplyRejected({ from, to, count }: { from: string; to: string; count: number }) {
  const [state, action, pending] = useActionState(reapplyRejectedAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="after" value={state.lastId ?? ""} />
      <button type="submit" disabled={pending || count === 0} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50" data-testid="reapply-rejected">
        {pending ? "Re-applying…" : state.lastId ? "Re-apply the next batch" : `Re-apply all ${count} rejected in this range`}
      </button>
      <Result state={state} />
    </form>
  );
}
