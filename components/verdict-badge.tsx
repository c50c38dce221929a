const VERDICT_STYLE: Record<string, string> = {
  APPLIED: "bg-emerald-50 text-emerald-700",
  DUPLICATE: "bg-slate-100 text-slate-600",
  CONFLICT: "bg-amber-50 text-amber-800",
  REJECTED: "bg-red-50 text-red-700",
  INVALID: "bg-red-50 text-red-700",
  RECEIVED: "bg-sky-50 text-sky-700",
};

export function VerdictBadge({ verdict }: { verdict: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${VERDICT_STYLE[verdict] ?? ""}`}>{verdict.toLowerCase()}</span>;
}
