import type { Metadata } from "next";
import Link from "next/link";
import { DateRangeForm } from "@/components/date-range-form";
import { formatCount } from "@/components/format";
import { ReapplyOne, ReapplyRejected } from "@/components/reapply-forms";
import { BadPeriod, EmptyReport, td, th } from "@/components/report-parts";
import { VerdictBadge } from "@/components/verdict-badge";
import { config } from "@/lib/config";
import { canReapply } from "@/lib/ingest/receive";
import { countVerdicts, listNotifications, LOG_PAGE, parseLogFilter, VERDICTS } from "@/lib/reports/notifications";
import { pageRange } from "@/lib/reports/page-range";
import { searchParamsOf } from "@/lib/reports/range";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const shop = config();
  const params = searchParamsOf(await searchParams);
  const { parsed, presets } = pageRange({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined }, new Date(), shop.timeZone);
  const f = parsed.ok ? parseLogFilter(params, parsed.range) : parsed;
  if (!parsed.ok || !f.ok) return <BadPeriod title="Notifications" message={!f.ok ? f.message : ""} presets={presets} />;
  const range = parsed.range;
  const [rows, verdicts] = await Promise.all([listNotifications(f.filter, shop.timeZone, { beforeId: f.beforeId, limit: LOG_PAGE }), countVerdicts(range, shop.timeZone)]);
  const total = Object.values(verdicts).reduce((s, n) => s + n, 0);
  // the log's own filters, kept by the period form and every link
  const given = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => !!e[1]));
  const filters = given({ verdict: f.filter.verdict?.join(",").toLowerCase(), order: f.filter.orderId });
  const href = (extra: Record<string, string | undefined>) => `/notifications?${new URLSearchParams(given({ from: range.from, to: range.to, ...filters, ...extra }))}`;
  const chosen = f.filter.verdict?.length === 1 ? f.filter.verdict[0] : undefined;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="text-sm text-slate-500">Every delivery to /api/hooks, kept exactly as received, with what was made of it.</p>
        </div>
        <DateRangeForm range={range} presets={presets} keep={filters} />
      </div>

      <nav className="flex flex-wrap gap-2 text-sm" data-testid="verdict-filter">
        <Link href={href({ verdict: undefined })} className={`rounded-md border px-2 py-0.5 ${!f.filter.verdict ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white"}`}>
          all {formatCount(total, shop.locale)}
        </Link>
        {VERDICTS.map((v) => (
          <Link
            key={v}
            href={href({ verdict: v.toLowerCase() })}
            className={`rounded-md border px-2 py-0.5 ${chosen === v ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white"}`}
            data-testid={`verdict-${v.toLowerCase()}`}
          >
            {v.toLowerCase()} {formatCount(verdicts[v], shop.locale)}
          </Link>
        ))}
        {f.filter.orderId && (
          <Link href={href({ order: undefined })} className="rounded-md border border-indigo-300 bg-indigo-50 px-2 py-0.5 text-indigo-800">
            order {f.filter.orderId} ✕
          </Link>
        )}
      </nav>

      {verdicts.REJECTED > 0 && (
        <section className="rounded-xl bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
          <p className="mb-2 text-amber-900">
            Rejected notifications failed the signature check. If JUSTCLICK_SECRET_KEY was wrong or missing when they arrived, correct it, restart, and
            re-apply them: each is checked again as on arrival.
          </p>
          <ReapplyRejected from={range.from} to={range.to} count={verdicts.REJECTED} />
        </section>
      )}

      {rows.length === 0 ? (
        f.beforeId ? <p className="text-sm text-slate-500">No more notifications.</p> : <EmptyReport what="notifications" />
      ) : (
        <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="notifications-log">
              <thead className="text-slate-500">
                <tr>
                  <th className={th}>#</th>
                  <th className={th}>Received</th>
                  <th className={th}>Type</th>
                  <th className={th}>Order</th>
                  <th className={th}>Verdict</th>
                  <th className={th}>Reason</th>
                  <th className={th}></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((n) => (
                  <tr key={n.id} data-testid={`log-${n.id}`}>
                    <td className={`${td} tabular-nums`}>
                      <Link href={`/notifications/${n.id}`} className="text-indigo-700 hover:underline" title="The raw notification">{n.id}</Link>
                    </td>
                    <td className={`${td} whitespace-nowrap tabular-nums text-slate-600`}>{formatDateTime(n.receivedAt, shop.timeZone, shop.locale)}</td>
                    <td className={td}>
                      {n.kind ? n.kind.toLowerCase() : "—"}
                      {n.query && <div className="text-xs text-slate-400">?{n.query}</div>}
                    </td>
                    <td className={`${td} tabular-nums`}>
                      {n.orderId ? <Link href={`/orders/${n.orderId}`} className="text-indigo-700 hover:underline">{n.orderId}</Link> : "—"}
                    </td>
                    <td className={td}><VerdictBadge verdict={n.verdict} /></td>
                    <td className={`${td} max-w-md text-slate-600`}>{n.reason ?? ""}</td>
                    <td className={td}>{canReapply(n.verdict) && n.size > 0 && <ReapplyOne id={n.id} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === LOG_PAGE && (
            <Link href={href({ before: String(rows.at(-1)!.id) })} className="mt-3 inline-block text-sm text-indigo-700 hover:underline">
              Older notifications →
            </Link>
          )}
        </section>
      )}
    </div>
  );
}
