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
}

function summary(results: Reapplied[]): string {
  if (results.length === 1) {
    const r = results[0]!;
    return `Notification #${r.id}: ${r.outcome === "applied" ? "applied" : r.outcome === "refused" ? `still not applied (${r.verdict?.toLowerCase()}): ${r.message}` : `skipped: ${r.message}`}.`;
  }
  const n = (o: Reapplied["outcome"]) => results.filter((r) => r.outcome === o).length;
  const more = results.length === REAPPLY_BATCH ? ` Only the first ${REAPPLY_BATCH} were tried: press again for the rest.` : "";
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
  const results = reapplyStored({ rejectedFrom: start, rejectedTo: end });
  revalidatePath("/notifications");
  return { message: results.length ? summary(results) : "No rejected notifications in this range.", error: null };
}
