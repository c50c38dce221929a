import type { Metadata } from "next";
import Link from "next/link";
import { formatChange, formatCount, formatRate } from "@/components/format";
import { KpiCard } from "@/components/kpi-card";
import { BadPeriod, EmptyReport, ReportHeader, Section, td, th } from "@/components/report-parts";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { NONE, ordersHref, UTM_KEYS, type Dated, type UtmKey } from "@/lib/reports/order-filter";
import { pagePeriod } from "@/lib/reports/page-range";
import { searchParamsOf } from "@/lib/reports/range";
import { drillDown, getUtmReport, parseUtmSelection, type UtmRow } from "@/lib/reports/utm";

export const metadata: Metadata = { title: "UTM attribution" };
export const dynamic = "force-dynamic";

export default async function UtmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const shop = config();
  const params = searchParamsOf(await searchParams);
  const { parsed, presets } = pagePeriod(params, new Date(), shop.timeZone);
  const sel = parseUtmSelection(params);
  if (!parsed.ok || !sel.ok) return <BadPeriod title="UTM attribution" message={!parsed.ok ? parsed.message : !sel.ok ? sel.message : ""} presets={presets} />;
  const period = parsed.period;
  const range = period.range;
  const { dimension, filter } = sel.selection;
  const r = await getUtmReport(period, shop, sel.selection);
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const count = (n: number) => formatCount(n, shop.locale);

  // the page's own parameters, kept by the period form and every link
  const utmParams = (f: Partial<Record<UtmKey, string>>, dim: UtmKey) => ({ dimension: dim, ...Object.fromEntries(Object.entries(f).map(([k, v]) => [`utm_${k}`, v!])) });
  const periodParams = { from: range.from, to: range.to, ...(period.previous ? {} : { compare: "0" }) };
  const here = (f: Partial<Record<UtmKey, string>>, dim: UtmKey) => `/utm?${new URLSearchParams({ ...periodParams, ...utmParams(f, dim) })}`;
  const orders = (dated: Dated, row: UtmRow | null) => ordersHref({ dated, range, utm: row ? { ...filter, [dimension]: row.value ?? NONE } : filter });
  const vs = (key: "created" | "paid" | "gross" | "net" | "netAfterFees", fmt: (n: number) => string) =>
    r.previous ? { value: fmt(r.previous.total[key]), change: formatChange(r.total[key], r.previous.total[key], shop.locale) } : undefined;
  const crumbs = UTM_KEYS.filter((k) => filter[k] !== undefined);
  // back to the first i+1 choices; the tag shown now is never among them, so it is always a valid fallback
  const crumbHref = (i: number) => {
    const f = Object.fromEntries(crumbs.slice(0, i + 1).map((c) => [c, filter[c]!]));
    return here(f, drillDown(crumbs[i]!, f) ?? dimension);
  };

  return (
    <div className="space-y-6">
      <ReportHeader title="UTM attribution" period={period} presets={presets} keep={utmParams(filter, dimension)} grouped={false}>
        <p className="max-w-2xl text-sm text-slate-500" data-testid="which-tags">
          By the UTM tags on the order: the ones JustClick sent with its payment (the first one, for rebills); for an order never paid, with its
          MoneyBack, prepayment, invoice or cancellation, in that order. Orders without a tag are “{NONE}”. Created and paid count orders by their creation and first payment; money is dated by payment and refund.
        </p>
      </ReportHeader>

      <nav className="flex flex-wrap items-center gap-2 text-sm" data-testid="utm-drill">
        <Link href={here({}, "source")} className="text-indigo-700 hover:underline">All orders</Link>
        {crumbs.map((k, i) => (
          <span key={k} className="flex items-center gap-2">
            <span className="text-slate-400">→</span>
            <Link href={crumbHref(i)} className="text-indigo-700 hover:underline">
              {k}: {filter[k]}
            </Link>
          </span>
        ))}
        <span className="ml-4 text-slate-500">Break down by</span>
        {UTM_KEYS.filter((k) => filter[k] === undefined).map((k) => (
          <Link
            key={k}
            href={here(filter, k)}
            className={`rounded-md border px-2 py-0.5 ${k === dimension ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white"}`}
            data-testid={`dimension-${k}`}
          >
            {k}
          </Link>
        ))}
      </nav>

      <section className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <KpiCard label="Orders created" value={count(r.total.created)} previous={vs("created", count)} href={orders("created", null)} testId="kpi-utm-created" />
        <KpiCard label="Orders paid" value={count(r.total.paid)} hint={`conversion ${formatRate(r.total.conversionBp, shop.locale)}`} previous={vs("paid", count)} href={orders("paid", null)} testId="kpi-utm-paid" />
        <KpiCard label="Gross revenue" value={money(r.total.gross)} previous={vs("gross", money)} href={orders("payment", null)} testId="kpi-utm-gross" />
        <KpiCard label="Net revenue" value={money(r.total.net)} hint={`${money(r.total.refunds)} refunds`} previous={vs("net", money)} testId="kpi-utm-net" />
        <KpiCard label="Net after partner fees" value={money(r.total.netAfterFees)} hint={`${money(r.total.partnerFees)} partner fees`} previous={vs("netAfterFees", money)} testId="kpi-utm-after-fees" />
      </section>

      {r.rows.length === 0 ? (
        <EmptyReport what="orders created, paid or refunded" />
      ) : (
        <Section title={`By ${dimension}`}>
          <div className="overflow-x-auto">
            <table className="w-full text-right text-sm tabular-nums" data-testid="utm-table">
              <thead className="text-slate-500">
                <tr>
                  <th className={`${th} text-left`}>{dimension}</th>
                  <th className={th}>Created</th>
                  <th className={th}>Paid</th>
                  <th className={th}>Conversion</th>
                  <th className={th}>Gross</th>
                  <th className={th}>Refunds</th>
                  <th className={th}>Net</th>
                  <th className={th}>Partner fees</th>
                  <th className={th}>Net after fees</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {r.rows.map((row) => {
                  const value = row.value ?? NONE;
                  const chosen = { ...filter, [dimension]: value };
                  const next = drillDown(dimension, chosen);
                  const paid = orders("paid", row);
                  const payments = orders("payment", row);
                  return (
                    <tr key={value} data-testid={`utm-row-${value}`}>
                      <td className={`${td} text-left`}>
                        {next ? (
                          <Link href={here(chosen, next)} className="text-indigo-700 hover:underline" title={`Break ${value} down by ${next}`}>
                            {value}
                          </Link>
                        ) : (
                          value
                        )}
                      </td>
                      <td className={td}><Link href={orders("created", row)} className="hover:underline">{count(row.created)}</Link></td>
                      <td className={td}><Link href={paid} className="hover:underline">{count(row.paid)}</Link></td>
                      <td className={td}>{row.created ? formatRate(row.conversionBp, shop.locale) : "—"}</td>
                      <td className={td}><Link href={payments} className="hover:underline">{money(row.gross)}</Link></td>
                      <td className={td}><Link href={orders("refunded", row)} className="hover:underline">{money(row.refunds)}</Link></td>
                      <td className={td}>{money(row.net)}</td>
                      <td className={td}><Link href={payments} className="hover:underline">{money(row.partnerFees)}</Link></td>
                      <td className={`${td} font-medium`}>{money(row.netAfterFees)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
      )}
    </div>
  );
}
