import type { Metadata } from "next";
import Link from "next/link";
import { formatChange, formatCount, formatDays, formatRate } from "@/components/format";
import { KpiCard } from "@/components/kpi-card";
import { MoneyBarChart } from "@/components/money-bar-chart";
import { BadPeriod, EmptyReport, ReportHeader, Section, td, th } from "@/components/report-parts";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { ordersHref } from "@/lib/reports/order-filter";
import { pagePeriod } from "@/lib/reports/page-range";
import { getPrepaymentReport, type PrepaymentTotals } from "@/lib/reports/prepayments";
import { searchParamsOf } from "@/lib/reports/range";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Prepayments" };
export const dynamic = "force-dynamic";

export default async function PrepaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const shop = config();
  const { parsed, presets } = pagePeriod(searchParamsOf(await searchParams), new Date(), shop.timeZone);
  if (!parsed.ok) return <BadPeriod title="Prepayments" message={parsed.message} presets={presets} />;
  const period = parsed.period;
  const range = period.range;
  const r = await getPrepaymentReport(period, shop);
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const count = (n: number) => formatCount(n, shop.locale);
  const t = r.totals;
  const vs = (key: keyof PrepaymentTotals, fmt: (n: number) => string) => {
    const prev = r.previous?.totals[key];
    return typeof prev === "number" && typeof t[key] === "number" ? { value: fmt(prev), change: formatChange(t[key], prev, shop.locale) } : undefined;
  };
  // the orders first prepaid in the range, and what became of them
  const prepaid = (status?: ("PREPAID" | "PAID" | "REFUNDED" | "CANCELLED")[]) => ordersHref({ dated: "prepaid", range, status });

  return (
    <div className="space-y-6">
      <ReportHeader title="Prepayments" period={period} presets={presets}>
        <p className="text-sm text-slate-500">Orders whose first prepayment arrived in the range, and what became of them.</p>
      </ReportHeader>

      <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <KpiCard label="Prepayments received" value={money(t.received)} hint={`${count(t.prepayments)} instalments arrived in the range`} previous={vs("received", money)} href={ordersHref({ dated: "prepayment", range })} testId="kpi-received" />
        <KpiCard label="Prepaid orders" value={count(t.prepaidOrders)} hint="first prepayment in the range" previous={vs("prepaidOrders", count)} href={prepaid()} testId="kpi-prepaid-orders" />
        <KpiCard
          label="Went on to be paid"
          value={count(t.paid)}
          hint={`conversion ${formatRate(t.conversionBp, shop.locale)}, median ${formatDays(t.medianDaysToPay, shop.locale)}`}
          previous={vs("paid", count)}
          href={prepaid(["PAID", "REFUNDED"])}
          testId="kpi-prepaid-paid"
        />
        <KpiCard
          label="Still outstanding"
          value={money(t.outstanding)}
          hint={`on ${count(t.outstandingOrders)} orders not paid yet`}
          previous={vs("outstanding", money)}
          href={prepaid(["PREPAID"])}
          testId="kpi-outstanding"
        />
        <KpiCard
          label="Prepaid, then cancelled"
          value={count(t.cancelledOrders)}
          hint={`${money(t.cancelledPrepaid)} had been prepaid`}
          previous={vs("cancelledOrders", count)}
          href={prepaid(["CANCELLED"])}
          testId="kpi-prepaid-cancelled"
        />
      </section>

      {t.prepaidOrders === 0 && t.prepayments === 0 ? (
        <EmptyReport what="prepayments" />
      ) : (
        <>
          <Section title={`Prepayments received by ${period.grouping}`}>
            <MoneyBarChart
              testId="prepayments-chart"
              data={r.series.map((p) => ({ label: p.label, received: p.received }))}
              series={[{ key: "received", name: "Prepayments received", color: "#0ea5e9" }]}
              currency={shop.currency}
              locale={shop.locale}
            />
          </Section>

          <Section title="Days from the first prepayment to the payment">
            <MoneyBarChart
              testId="days-to-pay-chart"
              unit="count"
              data={r.daysToPay.map((b) => ({ label: b.label, orders: b.orders }))}
              series={[{ key: "orders", name: "Orders paid", color: "#4f46e5" }]}
              currency={shop.currency}
              locale={shop.locale}
            />
          </Section>

          <Section title="Outstanding: prepaid, not paid yet">
            {r.outstanding.length === 0 ? (
              <p className="text-sm text-slate-500">Every order prepaid in this range has been paid or cancelled.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm tabular-nums" data-testid="outstanding-orders">
                  <thead className="text-slate-500">
                    <tr>
                      <th className={th}>Order</th>
                      <th className={th}>Customer</th>
                      <th className={th}>First prepayment</th>
                      <th className={`${th} text-right`}>Total</th>
                      <th className={`${th} text-right`}>Prepaid</th>
                      <th className={`${th} text-right`}>Outstanding</th>
                      <th className={th}>Payment link</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {r.outstanding.map((o) => (
                      <tr key={o.orderId} data-testid={`outstanding-${o.orderId}`}>
                        <td className={td}><Link href={`/orders/${o.orderId}`} className="text-indigo-700 hover:underline">{o.orderId}</Link></td>
                        <td className={td}>{o.name || o.email || "—"}</td>
                        <td className={`${td} whitespace-nowrap`}>{formatDateTime(o.firstPrepaidAt, shop.timeZone, shop.locale)}</td>
                        <td className={`${td} text-right`}>{money(o.total)}</td>
                        <td className={`${td} text-right`}>{money(o.prepaid)}</td>
                        <td className={`${td} text-right font-medium`}>{money(o.outstanding)}</td>
                        <td className={td}>
                          {o.paymentUrl ? (
                            <a href={o.paymentUrl} target="_blank" rel="noreferrer noopener" className="text-indigo-700 hover:underline" data-testid={`payment-link-${o.orderId}`}>
                              {new URL(o.paymentUrl).host}
                            </a>
                          ) : (
                            <span className="text-slate-400">{o.link ?? "—"}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {r.outstanding.length < t.outstandingOrders && (
                  <Link href={prepaid(["PREPAID"])} className="mt-3 inline-block text-sm text-indigo-700 hover:underline">
                    All {count(t.outstandingOrders)} outstanding orders →
                  </Link>
                )}
              </div>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
