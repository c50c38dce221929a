import Link from "next/link";
import type { DayRange } from "@/lib/time";

/** A plain GET form: works without JavaScript, and the URL says which range is shown. */
export function DateRangeForm({ range, presets }: { range: DayRange; presets: { label: string; range: DayRange }[] }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form method="get" className="flex flex-wrap items-end gap-2" data-testid="range-form">
        <label className="text-sm">
          <span className="block text-slate-500">From</span>
          <input type="date" name="from" defaultValue={range.from} required className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          <span className="block text-slate-500">To</span>
          <input type="date" name="to" defaultValue={range.to} required className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white hover:bg-slate-700">
          Show
        </button>
      </form>
      <div className="flex flex-wrap gap-2 text-sm">
        {presets.map((p) => (
          <Link key={p.label} href={`?from=${p.range.from}&to=${p.range.to}`} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-600 hover:bg-slate-50">
            {p.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
