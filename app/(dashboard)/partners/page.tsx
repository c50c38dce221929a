import type { Metadata } from "next";
import Link from "next/link";
import { CsvExport } from "@/components/csv-export";
import { DateRangeForm } from "@/components/date-range-form";
import { KpiCard } from "@/components/kpi-card";
import { MoneyBarChart } from "@/components/money-bar-chart";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { usesDecimalComma } from "@/lib/partners/export-query";
import { FIGURE_LABELS } from "@/components/figure-labels";
import { FIGURES, getPartnerFeesOverTime, getPartnerReport } from "@/lib/partners/report";
import { pageRange } from "@/lib/reports/page-range";
import { getSettings } from "@/lib/settings";
import { defaultGrouping } from "@/lib/time";

export const metadata: Metadata = { title: "Partners" };
export const dynamic = "force-dynamic";

export default async function PartnersPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string; level?: string }> }) {
  const params = await searchParams;
  const shop = config();
  const now = new Date();
  const { parsed, presets } = pageRange(params, now, shop.timeZone);
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        <DateRangeForm range={presets[0]!.range} presets={presets} />
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{parsed.message}</p>
      </div>
    );
  }
  const range = parsed.range;
  const level = params.level === "1" || params.level === "2" ? (Number(params.level) as 1 | 2) : undefined;
  const settings = getSettings();
  const ctx = { range, timeZone: shop.timeZone, holdDays: settings.feeHoldDays, now };
  const grouping = defaultGrouping(range);
  const [report, overTime] = await Promise.all([getPartnerReport(ctx, { level }), getPartnerFeesOverTime(ctx, grouping, { level })]);
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const q = (extra: Record<string, string>) => new URLSearchParams({ from: range.from, to: range.to, ...extra }).toString();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Partners</h1>
        <DateRangeForm range={range} presets={presets} />
      </div>
      <p className="text-sm text-slate-500">
        JustClick pays no partner itself: this is what your partners earned, what refunds took back, what you paid and what is due.
        {settings.feeHoldDays > 0 && ` Fees become due ${settings.feeHoldDays} days after the payment.`}{" "}
        {settings.refundsReverseFees ? "Refunds reverse partner fees." : "Refunds do not reverse partner fees."}
      </p>

      <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard label="Level 1 earned" value={money(report.byLevel[1].earned)} hint={`${money(report.byLevel[1].due)} due now`} testId="level1-earned" />
        <KpiCard label="Level 2 earned" value={money(report.byLevel[2].earned)} hint={`${money(report.byLevel[2].due)} due now`} testId="level2-earned" />
        <KpiCard label="Due now" value={money(report.total.due)} hint={report.total.held ? `${money(report.total.held)} held` : undefined} testId="total-due" />
        <KpiCard label="Paid" value={money(report.total.paid)} hint={`${money(report.total.reversed + report.total.clawedBack)} reversed or clawed back`} testId="total-paid" />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-medium">Fees earned by {grouping}</h2>
        <MoneyBarChart
          testId="partner-fees-chart"
          stacked
          data={overTime.map((b) => ({ label: b.label, level1: b.level1, level2: b.level2 }))}
          series={[
            { key: "level1", name: "Level 1", color: "#4f46e5" },
            { key: "level2", name: "Level 2", color: "#a5b4fc" },
          ]}
          currency={shop.currency}
          locale={shop.locale}
        />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <h2 className="font-medium">By partner</h2>
          <div className="flex gap-2 text-sm">
            {[undefined, 1, 2].map((l) => (
              <Link key={String(l)} href={`?${q(l ? { level: String(l) } : {})}`} className={`rounded-md border px-2 py-0.5 ${l === level ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300"}`}>
                {l ? `Level ${l}` : "Both levels"}
              </Link>
            ))}
          </div>
        </div>
        {report.rows.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="partners-empty">
            No partner fees in this range. Fees appear when a paid notification carries partners (JustClick&apos;s affiliate program).
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-right text-sm tabular-nums" data-testid="partners-table">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-2 pr-4 text-left font-medium">Partner</th>
                  <th className="py-2 pr-4 font-medium">Level</th>
                  {FIGURES.map((f) => (
                    <th key={f} className="py-2 pr-4 font-medium">
                      {FIGURE_LABELS[f]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rows.map((r) => (
                  <tr key={`${r.partnerId}-${r.level}`} data-testid={`partner-${r.partnerId}-${r.level}`}>
                    <td className="py-2 pr-4 text-left">
                      <Link href={`/partners/${r.partnerId}?${q({ level: String(r.level) })}`} className="text-indigo-700 hover:underline">
                        {r.login}
                      </Link>{" "}
                      <span className="text-slate-400">#{r.partnerId}</span>
                    </td>
                    <td className="py-2 pr-4">{r.level}</td>
                    {FIGURES.map((f) => (
                      <td key={f} className="py-2 pr-4" data-testid={`${r.partnerId}-${r.level}-${f}`}>
                        {r[f] === 0 ? (
                          <span className="text-slate-300">{money(0)}</span>
                        ) : (
                          <Link href={`/partners/${r.partnerId}?${q({ level: String(r.level), figure: f })}`} className="hover:underline">
                            {money(r[f])}
                          </Link>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-medium">Export for payouts</h2>
        <CsvExport from={range.from} to={range.to} level={level ? String(level) : undefined} decimalComma={usesDecimalComma(shop.locale)} />
      </section>
    </div>
  );
}
