import Link from "next/link";

/**
 * One figure. `href` links it to the orders behind it; `previous` is the same figure for the previous
 * period, shown with the change.
 */
export function KpiCard({ label, value, hint, testId, href, previous }: { label: string; value: string; hint?: string; testId: string; href?: string; previous?: { value: string; change: string | null } }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="text-sm text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {href ? (
          <Link href={href} className="hover:text-indigo-700 hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </div>
      {previous && (
        <div className="mt-1 text-xs text-slate-500 tabular-nums" data-testid={`${testId}-previous`}>
          previous period {previous.value}
          {previous.change && <span className="ml-1 font-medium">({previous.change})</span>}
        </div>
      )}
      {hint && <div className="mt-1 text-xs text-slate-400">{hint}</div>}
    </div>
  );
}
