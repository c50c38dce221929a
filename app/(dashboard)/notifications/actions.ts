"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/lib/auth";
import { config } from "@/lib/config";
import { REAPPLY_BATCH, reapplyStored, type Reapplied } from "@/lib/ingest/receive";
import { parseRange } from "@/lib/reports/range";
import { rangeInstants } from "@/lib/time";

export interface ReapplyState {
  message: string | null;
  error: string | null;
  /** After a full batch: the last id it tried, where the next press goes on from. */
  lastId?: number;
}

function summary(results: Reapplied[]): string {
  if (results.length === 1) {
    const r = results[0]!;
    return `Notification #${r.id}: ${r.outcome === "applied" ? "applied" : r.outcome === "refused" ? `still not applied (${r.verdict?.toLowerCase()}): ${r.message}` : `skipped: ${r.message}`}.`;
  }
  const n = (o: Reapplied["outcome"]) => results.filter((r) => r.outcome === o).length;
  const more = results.length === REAPPLY_BATCH ? ` That was a batch of ${REAPPLY_BATCH}: press again for the next.` : "";
  return `${results.length} rejected notifications tried: ${n("applied")} applied, ${n("refused")} still refused, ${n("skipped")} skipped.${more}`;
}

/** Any signed-in user may: a stored delivery is judged again exactly as on arrival, signature check included. */
export async function reapplyOneAction(_prev: ReapplyState, form: FormData): Promise<ReapplyState> {
  if (!(await auth())?.user) return { message: null, error: "Sign in again." };
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success) return { message: null, error: "Not a notification id." };
  const message = summary(reapplyStored({ ids: [id.data] }));
  revalidatePath("/notifications");
  return { message, error: null };
}

export async function reapplyRejectedAction(_prev: ReapplyState, form: FormData): Promise<ReapplyState> {
  if (!(await auth())?.user) return { message: null, error: "Sign in again." };
  const timeZone = config().timeZone;
  const range = parseRange({ from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") }, new Date(), timeZone);
  if (!range.ok) return { message: null, error: `Nothing re-applied: ${range.message}.` };
  const { start, end } = rangeInstants(range.range, timeZone);
  const after = z.coerce.number().int().nonnegative().catch(0).parse(form.get("after") ?? 0);
  const results = reapplyStored({ rejectedFrom: start, rejectedTo: end, afterId: after });
  revalidatePath("/notifications");
  if (!results.length) return { message: after ? "No more rejected notifications in this range." : "No rejected notifications in this range.", error: null };
  return { message: summary(results), error: null, lastId: results.length === REAPPLY_BATCH ? results.at(-1)!.id : undefined };
}
