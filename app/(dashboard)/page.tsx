import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { DateRangeForm } from "@/components/date-range-form";
import { HookUrls } from "@/components/hook-urls";
import { KpiCard } from "@/components/kpi-card";
import { NotificationsTable } from "@/components/notifications-table";
import { BadPeriod } from "@/components/report-parts";
import { MoneyBarChart } from "@/components/money-bar-chart";
import { originOf } from "@/lib/access";
import { config } from "@/lib/config";
import { reader } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { getLatestNotifications } from "@/lib/reports/notifications";
import { ordersHref } from "@/lib/reports/order-filter";
import { pageRange } from "@/lib/reports/page-range";
import { getPrepaymentDoubts, getRevenueByDay, getSummary } from "@/lib/reports/summary";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";


export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const params = await searchParams;
  const shop = config();
  const { parsed, presets } = pageRange(params, new Date(), shop.timeZone);
  if (!parsed.ok) return <BadPeriod title="Overview" message={parsed.message} presets={presets} />;
  const range = parsed.range;
  const [summary, byDay, latest, doubts] = await Promise.all([
    getSummary(range, shop),
    getRevenueByDay(range),
    getLatestNotifications(reader(), 10),
    getPrepaymentDoubts(range),
  ]);
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <DateRangeForm range={range} presets={presets} />
      </div>

      {latest.length === 0 && (
        <section className="rounded-xl bg-indigo-50 p-4 ring-1 ring-indigo-100" data-testid="empty-state">
          <h2 className="font-medium text-indigo-900">No notifications yet</h2>
          <p className="mb-3 text-sm text-indigo-900/80">
            Paste these URLs into JustClick (product settings, or the account-wide notification settings) and set JUSTCLICK_SECRET_KEY to
            your API key. Every order JustClick reports from then on shows up here.
          </p>
          <HookUrls origin={originOf(await headers(), `http://localhost:${shop.port}`)} />
        </section>
      )}

      <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard label="Gross revenue" value={money(summary.revenue.gross)} hint="Orders paid in the range" href={ordersHref({ dated: "payment", range })} testId="kpi-gross" />
        <KpiCard label="Refunds" value={money(summary.revenue.refunds)} hint="MoneyBacks received in the range" href={ordersHref({ dated: "refunded", range })} testId="kpi-refunds" />
        <KpiCard label="Net revenue" value={money(summary.revenue.net)} href={`/revenue?from=${range.from}&to=${range.to}`} testId="kpi-net" />
        <KpiCard
          label="Prepayments received"
          value={money(summary.prepayments.received)}
          hint={doubts.count ? `incl. ${money(doubts.amount)} in ${doubts.count} that may be repeated deliveries` : undefined}
          href={ordersHref({ dated: "prepayment", range })}
          testId="kpi-prepayments"
        />
        <KpiCard
          label="Partner fees"
          value={money(summary.partnerFees.earned)}
          hint={`${money(summary.partnerFees.reversed)} reversed by refunds`}
          href={`/partners?from=${range.from}&to=${range.to}`}
          testId="kpi-partner-fees"
        />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-medium">Orders</h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          {(
            [
              ["created", "Created"],
              ["prepaid", "Prepaid"],
              ["paid", "Paid"],
              ["refunded", "Refunded"],
              ["cancelled", "Cancelled"],
            ] as const
          ).map(([key, label]) => (
            <div key={key}>
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid={`orders-${key}`}>
                <Link href={ordersHref({ dated: key, range })} className="hover:text-indigo-700 hover:underline">
                  {summary.orders[key]}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-medium">Revenue by day</h2>
        <MoneyBarChart
          testId="revenue-chart"
          data={byDay.map((d) => ({ label: d.day, gross: d.gross, refunds: d.refunds }))}
          series={[
            { key: "gross", name: "Gross revenue", color: "#4f46e5" },
            { key: "refunds", name: "Refunds", color: "#f97316" },
          ]}
          currency={shop.currency}
          locale={shop.locale}
        />
      </section>

      {latest.length > 0 && (
        <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-3 font-medium">Latest notifications</h2>
          <NotificationsTable rows={latest} timeZone={shop.timeZone} locale={shop.locale} />
        </section>
      )}
    </div>
  );
}
