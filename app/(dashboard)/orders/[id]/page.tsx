import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderStatusBadge } from "@/components/order-status";
import { Section, td, th } from "@/components/report-parts";
import { VerdictBadge } from "@/components/verdict-badge";
import { config } from "@/lib/config";
import { INVOICE_ID } from "@/lib/justclick/schema";
import { formatMoney } from "@/lib/money";
import { lineStatus } from "@/lib/partners/ledger";
import { describeBody, getOrder } from "@/lib/reports/order";
import { paymentUrl } from "@/lib/reports/prepayments";
import { getSettings } from "@/lib/settings";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Order" };
export const dynamic = "force-dynamic";

const KIND_LABEL: Record<string, string> = { CREATED: "invoice created", PREPAID: "prepayment", PAID: "payment", MONEYBACK: "MoneyBack", CANCELLED: "cancelled" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!INVOICE_ID.test(id)) notFound();
  const found = await getOrder(id);
  if (!found) notFound();
  const { order: o, notifications } = found;
  const shop = config();
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const when = (d: Date | null) => (d ? formatDateTime(d, shop.timeZone, shop.locale) : "—");
  const { feeHoldDays } = getSettings();
  const now = new Date();
  const pay = o.status === "PREPAID" || o.status === "AWAITING_PAYMENT" ? paymentUrl(o.link, o.domain) : null;
  const utm = { source: o.utmSource, medium: o.utmMedium, campaign: o.utmCampaign, content: o.utmContent, term: o.utmTerm };

  return (
    <div className="space-y-6">
      <div>
        <Link href="/orders" className="text-sm text-indigo-700 hover:underline">← Orders</Link>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          Order {o.id} <OrderStatusBadge status={o.status} />
        </h1>
        <p className="text-sm text-slate-500">
          {[o.firstName, o.middleName, o.lastName].filter(Boolean).join(" ") || "no name"} · {o.email ?? "no email"} · {o.phone ?? "no phone"}
        </p>
      </div>

      <section className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4" data-testid="order-facts">
        {(
          [
            ["Total", money(o.total)],
            ["Prepaid", money(o.prepaidTotal)],
            ["Created", when(o.createdAt)],
            ["First prepayment", when(o.firstPrepaidAt)],
            ["Paid", when(o.paidAt)],
            ["Refunded", when(o.refundedAt)],
            ["Cancelled", when(o.cancelledAt)],
            ["Coupon", o.coupon || "—"],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <div className="text-xs text-slate-500">{label}</div>
            <div className="font-medium tabular-nums" data-testid={`fact-${label.toLowerCase().replace(/ /g, "-")}`}>{value}</div>
          </div>
        ))}
      </section>
      {pay && (
        <p className="text-sm">
          Payment link JustClick sent: <a href={pay} target="_blank" rel="noreferrer noopener" className="text-indigo-700 hover:underline">{pay}</a>
        </p>
      )}

      <Section title="Items">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm tabular-nums" data-testid="order-items">
            <thead className="text-slate-500">
              <tr>
                <th className={th}>Product</th>
                <th className={th}>Title</th>
                <th className={`${th} text-right`}>List price</th>
                <th className={`${th} text-right`}>Charged</th>
                <th className={th}>Pincode</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {o.items.map((i) => (
                <tr key={i.position}>
                  <td className={td}>{i.productId ?? "—"}</td>
                  <td className={td}>{i.title ?? "—"}</td>
                  <td className={`${td} text-right`}>{i.price === null ? "—" : money(i.price)}</td>
                  <td className={`${td} text-right`}>{money(i.sum)}</td>
                  <td className={td}>{i.pincode || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <div className="grid gap-6 md:grid-cols-2">
        <Section title="UTM tags" testId="order-utm">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(utm).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">utm_{k}</dt>
                <dd>{v || <span className="text-slate-400">(none)</span>}</dd>
              </div>
            ))}
          </dl>
        </Section>
        <Section title="Payments and refunds" testId="order-events">
          <ul className="space-y-1 text-sm tabular-nums">
            {o.events.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2">
                <span>
                  {when(e.occurredAt)} · {KIND_LABEL[e.kind] ?? e.kind}
                  {e.possibleRepeat && <span className="ml-1 rounded bg-amber-50 px-1 text-xs text-amber-800">possible repeat</span>}
                </span>
                <span>
                  {e.amount !== null && money(e.amount)}
                  {(e.kind === "PAID" || e.kind === "MONEYBACK") && <span className="ml-2 text-slate-500">order {money(e.orderTotal)}</span>}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      </div>

      {o.partnerFees.length > 0 && (
        <Section title="Partner fees">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm tabular-nums" data-testid="order-fees">
              <thead className="text-slate-500">
                <tr>
                  <th className={th}>Partner</th>
                  <th className={th}>Level</th>
                  <th className={th}>Item</th>
                  <th className={`${th} text-right`}>Fee</th>
                  <th className={th}>Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {o.partnerFees.map((f) => (
                  <tr key={f.id}>
                    <td className={td}>
                      <Link href={`/partners/${f.partnerId}`} className="text-indigo-700 hover:underline">{f.partner.login}</Link>{" "}
                      <span className="text-slate-400">#{f.partnerId}</span>
                    </td>
                    <td className={td}>{f.level}</td>
                    <td className={td}>{f.productId ?? `#${f.itemPosition + 1}`}</td>
                    <td className={`${td} text-right`}>{money(f.amount)}</td>
                    <td className={td}>
                      {f.kind === "CLAWBACK" ? "clawback, " : ""}
                      {lineStatus(f, now, feeHoldDays)}
                      {f.payout && !f.payout.undoneAt && <span className="text-slate-500"> (payout #{f.payout.id}, {f.payout.paidOn})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      <Section title="Every notification received for this order" testId="order-timeline">
        <ol className="space-y-3 text-sm">
          {notifications.map((n) => {
            const body = describeBody(n.body);
            return (
              <li key={n.id} className="rounded-lg border border-slate-200 p-3" data-testid={`timeline-${n.id}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="tabular-nums text-slate-600">{when(n.receivedAt)}</span>
                  <span>{n.kind ? (KIND_LABEL[n.kind] ?? n.kind) : "unclassified"}</span>
                  <VerdictBadge verdict={n.verdict} />
                  {n.query && <code className="text-xs text-slate-500">?{n.query}</code>}
                  <span className="text-slate-500">{n.reason}</span>
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-indigo-700">Raw notification</summary>
                  {/* rendered as text: React escapes it, whatever the body holds */}
                  <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs" data-testid="raw-body">{body.raw}</pre>
                  {body.fields && <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs" data-testid="decoded-body">{body.fields}</pre>}
                </details>
              </li>
            );
          })}
        </ol>
      </Section>
    </div>
  );
}
