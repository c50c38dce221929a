import type { Metadata } from "next";
import Link from "next/link";
import { formatChange, formatCount, formatDays, formatRate } from "@/components/format";
import { KpiCard } from "@/components/kpi-card";
import { MoneyBarChart } from "@/components/money-bar-chart";
import { BadPeriod, EmptyReport, ReportHeader, Section, td, th } from "@/components/report-parts";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { NONE, ordersHref } from "@/lib/reports/order-filter";
import { pagePeriod } from "@/lib/reports/page-range";
import { searchParamsOf } from "@/lib/reports/range";
import { getRefundReport } from "@/lib/reports/refunds";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Refunds" };
export const dynamic = "force-dynamic";

export default async function RefundsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const shop = config();
  const { parsed, presets } = pagePeriod(searchParamsOf(await searchParams), new Date(), shop.timeZone);
  if (!parsed.ok) return <BadPeriod title="Refunds" message={parsed.message} presets={presets} />;
  const period = parsed.period;
  const range = period.range;
  const r = await getRefundReport(period, shop);
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const count = (n: number) => formatCount(n, shop.locale);
  const rate = (bp: number) => formatRate(bp, shop.locale);
  const t = r.totals;
  const p = r.previous?.totals;
  const vs = (cur: number, prev: number | undefined, fmt: (n: number) => string) => (prev === undefined ? undefined : { value: fmt(prev), change: formatChange(cur, prev, shop.locale) });
  const refunded = ordersHref({ dated: "refunded", range });
  const when = (d: Date | null) => (d ? formatDateTime(d, shop.timeZone, shop.locale) : "—");

  return (
    <div className="space-y-6">
      <ReportHeader title="Refunds" period={period} presets={presets} />

      <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard label="Refunds" value={count(t.refunds)} hint="MoneyBacks received (whole orders)" previous={vs(t.refunds, p?.refunds, count)} href={refunded} testId="kpi-refund-count" />
        <KpiCard label="Refunded amount" value={money(t.amount)} previous={vs(t.amount, p?.amount, money)} href={refunded} testId="kpi-refund-amount" />
        <KpiCard
          label="Refund rate"
          value={rate(t.rateBp)}
          hint={`refunds ÷ ${count(t.payments)} payments in the range`}
          previous={vs(t.rateBp, p?.rateBp, rate)}
          href={refunded}
          testId="kpi-refund-rate"
        />
        <KpiCard
          label="Days from payment to refund"
          value={formatDays(t.medianDaysToRefund, shop.locale)}
          hint={t.averageDaysToRefund === null ? "median" : `median; average ${formatDays(t.averageDaysToRefund, shop.locale)}`}
          href={refunded}
          testId="kpi-refund-days"
        />
      </section>

      {t.refunds === 0 ? (
        <EmptyReport what="refunds" />
      ) : (
        <>
          <Section title={`Refunded by ${period.grouping}`}>
            <MoneyBarChart
              testId="refunds-chart"
              data={r.series.map((s) => ({ label: s.label, amount: s.amount }))}
              series={[{ key: "amount", name: "Refunded", color: "#f97316" }]}
              currency={shop.currency}
              locale={shop.locale}
            />
          </Section>

          <Section title="By product">
            <div className="overflow-x-auto">
              <table className="w-full text-right text-sm tabular-nums" data-testid="refund-products-table">
                <thead className="text-slate-500">
                  <tr>
                    <th className={`${th} text-left`}>Product</th>
                    <th className={th}>Refunded</th>
                    <th className={th}>Amount</th>
                    <th className={th}>Sold in the range</th>
                    <th className={th}>Rate</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {r.products.map((x) => {
                    const product = x.productId ?? NONE;
                    const href = ordersHref({ dated: "refunded", range, product });
                    return (
                      <tr key={product} data-testid={`refund-product-${product}`}>
                        <td className={`${td} text-left`}>
                          {x.title ?? x.productId ?? "(no product id)"} <span className="text-slate-400">{x.productId}</span>
                        </td>
                        <td className={td}><Link href={href} className="hover:underline">{count(x.refunded)}</Link></td>
                        <td className={td}><Link href={href} className="hover:underline">{money(x.amount)}</Link></td>
                        <td className={td}><Link href={ordersHref({ dated: "payment", range, product })} className="hover:underline">{count(x.sold)}</Link></td>
                        <td className={td}>{x.sold ? rate(x.rateBp) : "—"}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Section>

          <Section title="Refunded orders">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm tabular-nums" data-testid="refunded-orders">
                <thead className="text-slate-500">
                  <tr>
                    <th className={th}>Order</th>
                    <th className={th}>Customer</th>
                    <th className={th}>Paid</th>
                    <th className={th}>Refunded</th>
                    <th className={`${th} text-right`}>Days</th>
                    <th className={`${th} text-right`}>Amount</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {r.orders.map((o) => (
                    <tr key={o.orderId} data-testid={`refunded-${o.orderId}`}>
                      <td className={td}><Link href={`/orders/${o.orderId}`} className="text-indigo-700 hover:underline">{o.orderId}</Link></td>
                      <td className={td}>{o.name || o.email || "—"}</td>
                      <td className={`${td} whitespace-nowrap`}>{when(o.paidAt)}</td>
                      <td className={`${td} whitespace-nowrap`}>{when(o.refundedAt)}</td>
                      <td className={`${td} text-right`}>{formatDays(o.daysToRefund, shop.locale)}</td>
                      <td className={`${td} text-right`}>{money(o.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {r.orders.length < t.refunds && (
                <Link href={refunded} className="mt-3 inline-block text-sm text-indigo-700 hover:underline">
                  All {count(t.refunds)} refunded orders →
                </Link>
              )}
            </div>
          </Section>
        </>
      )}
    </div>
  );
}
