import type { Metadata } from "next";
import Link from "next/link";
import { formatCount } from "@/components/format";
import { OrderStatusBadge, STATUS_LABEL } from "@/components/order-status";
import { EmptyReport, td, th } from "@/components/report-parts";
import { config } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { DATED, ordersHref, STATUSES, UTM_KEYS } from "@/lib/reports/order-filter";
import { cursorOfOrder, formatOrdersCursor, listOrders, parseOrdersPage } from "@/lib/reports/orders";
import { searchParamsOf } from "@/lib/reports/range";
import { formatDateTime, thisMonth } from "@/lib/time";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

const input = "rounded-md border border-slate-300 px-2 py-1";
const DATED_LABEL: Record<(typeof DATED)[number], string> = {
  created: "Created",
  prepaid: "First prepaid",
  paid: "First paid",
  refunded: "Refunded",
  cancelled: "Cancelled",
  payment: "A payment (rebills too)",
  prepayment: "A prepayment",
  cash: "A payment or prepayment",
};
/** The date column: the one the list is sorted by. */
const SORTED_BY: Record<(typeof DATED)[number], string> = { ...DATED_LABEL, payment: "First paid", prepayment: "First prepaid", cash: "First paid or prepaid" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const shop = config();
  const params = searchParamsOf(await searchParams);
  const p = parseOrdersPage(params, thisMonth(new Date(), shop.timeZone));
  if (!p.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Orders</h1>
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="filter-error">
          {p.message}
        </p>
        <Link href="/orders" className="text-sm text-indigo-700 hover:underline">Show this month&apos;s orders</Link>
      </div>
    );
  }
  const f = p.filter;
  const orders = await listOrders(f, shop.timeZone, { after: p.after, limit: p.limit });
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const statusValue = f.status?.join(",") ?? "";
  const nextHref = orders.length === p.limit ? `${ordersHref(f)}&after=${formatOrdersCursor(cursorOfOrder(orders.at(-1)!))}` : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Orders</h1>

      <form method="get" className="grid grid-cols-2 gap-2 rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200 sm:grid-cols-4 lg:grid-cols-6" data-testid="orders-filter">
        <label>
          <span className="block text-slate-500">Date</span>
          <select name="dated" defaultValue={f.dated} className={`${input} w-full`}>
            {DATED.map((d) => (
              <option key={d} value={d}>{DATED_LABEL[d]}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-slate-500">From</span>
          <input type="date" name="from" defaultValue={f.range.from} className={`${input} w-full`} />
        </label>
        <label>
          <span className="block text-slate-500">To</span>
          <input type="date" name="to" defaultValue={f.range.to} className={`${input} w-full`} />
        </label>
        <label>
          <span className="block text-slate-500">Status</span>
          <select name="status" defaultValue={statusValue} className={`${input} w-full`}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABEL[s]}</option>
            ))}
            {f.status && f.status.length > 1 && <option value={statusValue}>{f.status.map((s) => STATUS_LABEL[s]).join(" or ")}</option>}
          </select>
        </label>
        <label className="col-span-2">
          <span className="block text-slate-500">Search</span>
          <input name="q" defaultValue={f.q ?? ""} placeholder="email, phone, name or order number" className={`${input} w-full`} aria-label="Search" />
        </label>
        <label>
          <span className="block text-slate-500">Product id</span>
          <input name="product" defaultValue={f.product ?? ""} className={`${input} w-full`} />
        </label>
        <label>
          <span className="block text-slate-500">Partner id</span>
          <input name="partner" defaultValue={f.partner ?? ""} inputMode="numeric" className={`${input} w-full`} />
        </label>
        {UTM_KEYS.map((k) => (
          <label key={k}>
            <span className="block text-slate-500">utm_{k}</span>
            <input name={`utm_${k}`} defaultValue={f.utm?.[k] ?? ""} className={`${input} w-full`} />
          </label>
        ))}
        <label className="flex items-center gap-1 self-end pb-1.5">
          <input type="checkbox" name="coupon" value="1" defaultChecked={!!f.coupon} /> with a coupon
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white hover:bg-slate-700">Filter</button>
          <Link href="/orders" className="pb-1.5 text-slate-500 hover:underline">Reset</Link>
        </div>
      </form>

      {orders.length === 0 ? (
        p.after ? <p className="text-sm text-slate-500">No more orders.</p> : <EmptyReport what="orders matching these filters" />
      ) : (
        <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm tabular-nums" data-testid="orders-table">
              <thead className="text-slate-500">
                <tr>
                  <th className={th}>Order</th>
                  <th className={th}>{SORTED_BY[f.dated]}</th>
                  <th className={th}>Status</th>
                  <th className={th}>Customer</th>
                  <th className={`${th} text-right`}>Total</th>
                  <th className={`${th} text-right`}>Prepaid</th>
                  <th className={th}>UTM</th>
                  <th className={th}>Coupon</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {orders.map((o) => (
                  <tr key={o.id} data-testid={`order-${o.id}`}>
                    <td className={td}>
                      <Link href={`/orders/${o.id}`} className="text-indigo-700 hover:underline">{o.id}</Link>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{formatDateTime(o.at, shop.timeZone, shop.locale)}</td>
                    <td className={td}><OrderStatusBadge status={o.status} /></td>
                    <td className={td}>
                      <div>{o.name || "—"}</div>
                      <div className="text-xs text-slate-500">{[o.email, o.phone].filter(Boolean).join(" · ")}</div>
                    </td>
                    <td className={`${td} text-right`}>{money(o.total)}</td>
                    <td className={`${td} text-right`}>{o.prepaidTotal ? money(o.prepaidTotal) : "—"}</td>
                    <td className={`${td} text-xs text-slate-600`}>{[o.utmSource, o.utmMedium, o.utmCampaign].filter(Boolean).join(" / ") || "—"}</td>
                    <td className={td}>{o.coupon || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3 flex gap-4 text-sm">
            <span className="text-slate-500" data-testid="orders-shown">{formatCount(orders.length, shop.locale)} orders on this page</span>
            {p.after && <Link href={ordersHref(f)} className="text-indigo-700 hover:underline">← First page</Link>}
            {nextHref && <Link href={nextHref} className="text-indigo-700 hover:underline" data-testid="next-page">Next page →</Link>}
          </div>
        </section>
      )}
    </div>
  );
}
