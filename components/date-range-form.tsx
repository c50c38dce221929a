import Link from "next/link";
import type { DayRange, Grouping } from "@/lib/time";

/**
 * A plain GET form: works without JavaScript, and the URL says what is shown. Report pages add the
 * grouping and the comparison; `keep` carries the page's other parameters (a UTM drill-down, say).
 */
export function DateRangeForm({
  range,
  presets,
  grouping,
  compare,
  keep = {},
}: {
  range: DayRange;
  presets: { label: string; range: DayRange }[];
  grouping?: Grouping;
  compare?: boolean;
  keep?: Record<string, string>;
}) {
  const presetHref = (r: DayRange) => `?${new URLSearchParams({ ...keep, from: r.from, to: r.to, ...(compare === false ? { compare: "0" } : {}) })}`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form method="get" className="flex flex-wrap items-end gap-2" data-testid="range-form">
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="text-sm">
          <span className="block text-slate-500">From</span>
          <input type="date" name="from" defaultValue={range.from} required className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          <span className="block text-slate-500">To</span>
          <input type="date" name="to" defaultValue={range.to} required className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        {grouping && (
          <label className="text-sm">
            <span className="block text-slate-500">By</span>
            <select name="group" defaultValue={grouping} className="rounded-md border border-slate-300 px-2 py-1" data-testid="group-select">
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
        )}
        {compare !== undefined && (
          <label className="flex items-center gap-1 pb-1.5 text-sm text-slate-600">
            {/* an unchecked box sends nothing, so a 0 follows it; the first value is the one read */}
            <input type="checkbox" name="compare" value="1" defaultChecked={compare} data-testid="compare-box" />
            <input type="hidden" name="compare" value="0" />
            vs previous period
          </label>
        )}
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white hover:bg-slate-700">
          Show
        </button>
      </form>
      <div className="flex flex-wrap gap-2 text-sm">
        {presets.map((p) => (
          <Link key={p.label} href={presetHref(p.range)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-600 hover:bg-slate-50">
            {p.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
