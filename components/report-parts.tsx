import { headers } from "next/headers";
import { HookUrls } from "@/components/hook-urls";
import { DateRangeForm } from "@/components/date-range-form";
import { originOf } from "@/lib/access";
import { config } from "@/lib/config";
import { hasNotifications } from "@/lib/reports/notifications";
import type { ReportPeriod } from "@/lib/reports/range";
import type { DayRange } from "@/lib/time";

type Presets = { label: string; range: DayRange }[];

/** A report page's title and its period form (range, grouping, comparison), with the page's other parameters kept. */
export function ReportHeader({
  title,
  period,
  presets,
  keep,
  grouped = true,
  children,
}: {
  title: string;
  period: ReportPeriod;
  presets: Presets;
  keep?: Record<string, string>;
  /** false for reports without anything over time: their form offers no grouping */
  grouped?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-500" data-testid="period">
          {period.range.from} – {period.range.to}
          {period.previous && `, compared with ${period.previous.from} – ${period.previous.to}`}
        </p>
        {children}
      </div>
      <DateRangeForm range={period.range} presets={presets} grouping={grouped ? period.grouping : undefined} compare={period.previous !== null} keep={keep} />
    </div>
  );
}

/** What a page shows for a range, grouping or comparison it cannot read: the reason, and the form to fix it. */
export function BadPeriod({ title, message, presets }: { title: string; message: string; presets: Presets }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <DateRangeForm range={presets[0]!.range} presets={presets} />
      <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="range-error">
        {message}
      </p>
    </div>
  );
}

/**
 * What to do when a report has nothing to show: before the first notification ever arrives, where to point
 * JustClick; after, that this range has none of what the report counts.
 */
export async function EmptyReport({ what }: { what: string }) {
  if (await hasNotifications()) {
    return (
      <p className="rounded-xl bg-white p-4 text-sm text-slate-500 shadow-sm ring-1 ring-slate-200" data-testid="empty-range">
        No {what} in this range. Pick a longer range, or check the notifications log if you expected some.
      </p>
    );
  }
  return (
    <section className="rounded-xl bg-indigo-50 p-4 ring-1 ring-indigo-100" data-testid="empty-state">
      <h2 className="font-medium text-indigo-900">No notifications yet</h2>
      <p className="mb-3 text-sm text-indigo-900/80">Paste these URLs into JustClick and set JUSTCLICK_SECRET_KEY to your API key; reports fill up as orders arrive.</p>
      <HookUrls origin={originOf(await headers(), `http://localhost:${config().port}`)} />
    </section>
  );
}

/** A white card with a heading, the house style of every report section. */
export function Section({ title, children, testId }: { title: React.ReactNode; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <h2 className="mb-3 font-medium">{title}</h2>
      {children}
    </section>
  );
}

/** Table cell classes: text left, numbers right and tabular. */
export const th = "py-2 pr-4 font-medium";
export const td = "py-2 pr-4";
