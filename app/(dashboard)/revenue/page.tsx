import type { Metadata } from "next";
import Link from "next/link";
import { formatChange, formatCount } from "@/components/format";
import { KpiCard } from "@/components/kpi-card";
import { MoneyBarChart } from "@/components/money-bar-chart";
import { BadPeriod, EmptyReport, ReportHeader, Section, td, th } from "@/components/report-parts";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { NONE, ordersHref } from "@/lib/reports/order-filter";
import { pagePeriod } from "@/lib/reports/page-range";
import { searchParamsOf } from "@/lib/reports/range";
import { getRevenueReport, type RevenueTotals } from "@/lib/reports/revenue";

export const metadata: Metadata = { title: "Revenue" };
export const dynamic = "force-dynamic";

export default async function RevenuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const shop = config();
  const { parsed, presets } = pagePeriod(searchParamsOf(await searchParams), new Date(), shop.timeZone);
  if (!parsed.ok) return <BadPeriod title="Revenue" message={parsed.message} presets={presets} />;
  const period = parsed.period;
  const r = await getRevenueReport(period, shop);
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const count = (n: number) => formatCount(n, shop.locale);
  const vs = (key: keyof RevenueTotals, fmt: (n: number) => string) =>
    r.previous ? { value: fmt(r.previous.totals[key]), change: formatChange(r.totals[key], r.previous.totals[key], shop.locale) } : undefined;
  const range = period.range;
  // orders with a payment in the range, rebills included: what gross, average and discounts sum
  const payments = ordersHref({ dated: "payment", range });
  const t = r.totals;

  return (
    <div className="space-y-6">
      <ReportHeader title="Revenue" period={period} presets={presets} />

      <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard label="Gross revenue" value={money(t.gross)} hint={`${count(t.payments)} payments, by the paid time`} previous={vs("gross", money)} href={payments} testId="kpi-gross" />
        <KpiCard label="Refunds" value={money(t.refunds)} hint="MoneyBacks received" previous={vs("refunds", money)} href={ordersHref({ dated: "refunded", range })} testId="kpi-refunds" />
        <KpiCard label="Net revenue" value={money(t.net)} hint="gross − refunds" previous={vs("net", money)} testId="kpi-net" />
        <KpiCard label="Orders paid" value={count(t.ordersPaid)} hint="first payments; rebills are revenue, not orders" previous={vs("ordersPaid", count)} href={ordersHref({ dated: "paid", range })} testId="kpi-orders-paid" />
        <KpiCard label="Average order" value={money(t.averageOrder)} hint="gross ÷ payments" previous={vs("averageOrder", money)} href={payments} testId="kpi-average" />
        <KpiCard
          label="Cash received"
          value={money(t.cashReceived)}
          hint={`${money(t.prepayments)} prepayments + ${money(t.lastPayments)} last payments`}
          previous={vs("cashReceived", money)}
          href={ordersHref({ dated: "cash", range })}
          testId="kpi-cash"
        />
        <KpiCard label="Discounts" value={money(t.discounts)} hint="list price − price paid, items paid for" previous={vs("discounts", money)} href={payments} testId="kpi-discounts" />
        <KpiCard
          label="Payments with a coupon"
          value={count(t.couponPayments)}
          hint={`${money(t.couponGross)} gross`}
          previous={vs("couponPayments", count)}
          href={ordersHref({ dated: "payment", range, coupon: true })}
          testId="kpi-coupons"
        />
      </section>

      {t.payments === 0 && t.refunds === 0 && t.prepayments === 0 ? (
        <EmptyReport what="payments, prepayments or refunds" />
      ) : (
        <>
          <Section title={`Revenue by ${period.grouping}`}>
            <MoneyBarChart
              testId="revenue-chart"
              data={r.series.map((p) => ({ label: p.label, gross: p.gross, refunds: p.refunds, cash: p.cash }))}
              series={[
                { key: "gross", name: "Gross revenue", color: "#4f46e5" },
                { key: "refunds", name: "Refunds", color: "#f97316" },
                { key: "cash", name: "Cash received", color: "#10b981" },
              ]}
              currency={shop.currency}
              locale={shop.locale}
            />
          </Section>

          <Section title="By product">
            <div className="overflow-x-auto">
              <table className="w-full text-right text-sm tabular-nums" data-testid="products-table">
                <thead className="text-slate-500">
                  <tr>
                    <th className={`${th} text-left`}>Product</th>
                    <th className={th}>Sold</th>
                    <th className={th}>Gross</th>
                    <th className={th}>Discounts</th>
                    <th className={th}>Refunded</th>
                    <th className={th}>Refunds</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {r.products.map((p) => {
                    const product = p.productId ?? NONE;
                    const sold = ordersHref({ dated: "payment", range, product });
                    const refunded = ordersHref({ dated: "refunded", range, product });
                    return (
                      <tr key={product} data-testid={`product-${product}`}>
                        <td className={`${td} text-left`}>
                          {p.title ?? p.productId ?? "(no product id)"} <span className="text-slate-400">{p.productId}</span>
                        </td>
                        <td className={td}>
                          <Link href={sold} className="hover:underline">{count(p.sold)}</Link>
                        </td>
                        <td className={td}>
                          <Link href={sold} className="hover:underline">{money(p.gross)}</Link>
                        </td>
                        <td className={td}>
                          <Link href={sold} className="hover:underline">{money(p.discounts)}</Link>
                        </td>
                        <td className={td}>
                          <Link href={refunded} className="hover:underline">{count(p.refunded)}</Link>
                        </td>
                        <td className={td}>
                          <Link href={refunded} className="hover:underline">{money(p.refunds)}</Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Section>
        </>
      )}
    </div>
  );
}
