import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateRangeForm } from "@/components/date-range-form";
import { FIGURE_LABELS } from "@/components/figure-labels";
import { RecordPayoutForm, UndoPayoutForm } from "@/components/payout-forms";
import { isAdmin } from "@/lib/access";
import { auth } from "@/lib/auth";
import { config } from "@/lib/config";
import { reader } from "@/lib/db";
import { formatMoney, toDecimalString } from "@/lib/money";
import { oldestDueDay, previewPayout } from "@/lib/partners/payouts";
import { cursorOf, FIGURES, getFeeLines, getPartnerReport, type Figure } from "@/lib/partners/report";
import { pageRange } from "@/lib/reports/page-range";
import { getSettings } from "@/lib/settings";
import { dayOf, formatDateTime, isDay } from "@/lib/time";

export const metadata: Metadata = { title: "Partner" };
export const dynamic = "force-dynamic";

const PAGE = 100;

type Params = { from?: string; to?: string; level?: string; figure?: string; after?: string; payFrom?: string; payTo?: string; recorded?: string; undone?: string };

export default async function PartnerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const sp = await searchParams;
  const prisma = reader();
  const partner = /^[0-9]{1,20}$/.test(id) ? await prisma.partner.findUnique({ where: { id } }) : null;
  if (!partner) notFound();

  const shop = config();
  const now = new Date();
  const session = await auth();
  const { parsed, presets } = pageRange(sp, now, shop.timeZone);
  const range = parsed.ok ? parsed.range : presets[0]!.range;
  const level = sp.level === "1" || sp.level === "2" ? (Number(sp.level) as 1 | 2) : undefined;
  const figure: Figure = FIGURES.includes(sp.figure as Figure) ? (sp.figure as Figure) : "earned";
  const [afterAt, afterId] = (sp.after ?? "").split("_").map(Number);
  const after = afterAt && afterId ? { earnedAt: afterAt, id: afterId } : undefined;
  const settings = getSettings();
  const ctx = { range, timeZone: shop.timeZone, holdDays: settings.feeHoldDays, now };
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);

  const [report, lines, payouts] = await Promise.all([
    getPartnerReport(ctx, { partnerId: id, level }),
    getFeeLines(ctx, { partnerId: id, level }, { figure, after, limit: PAGE }),
    prisma.payout.findMany({ where: { partnerId: id }, orderBy: { id: "desc" }, take: 50 }),
  ]);
  const today = dayOf(now, shop.timeZone);
  const payPeriod = {
    from: sp.payFrom && isDay(sp.payFrom) ? sp.payFrom : (oldestDueDay(id, shop.timeZone, now) ?? today),
    to: sp.payTo && isDay(sp.payTo) ? sp.payTo : today,
  };
  const preview = payPeriod.from <= payPeriod.to ? previewPayout({ partnerId: id, period: payPeriod }, shop.timeZone, now) : { lines: 0, amount: 0 };
  const q = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries({ from: range.from, to: range.to, level: level ? String(level) : undefined, ...extra }).filter((e): e is [string, string] => !!e[1])).toString();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/partners?${q({ level: undefined })}`} className="text-sm text-indigo-700 hover:underline">
            ← Partners
          </Link>
          <h1 className="text-2xl font-semibold" data-testid="partner-name">
            {partner.login} <span className="text-base font-normal text-slate-400">#{partner.id}</span>
          </h1>
        </div>
        <DateRangeForm range={range} presets={presets} />
      </div>
      {!parsed.ok && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{parsed.message}</p>}
      {sp.recorded && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="payout-recorded">
          Payout #{sp.recorded} recorded: the fees it settles are paid.
        </p>
      )}
      {sp.undone && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="payout-undone">
          Payout #{sp.undone} undone: its fees are due again.
        </p>
      )}

      <section className="grid grid-cols-3 gap-3 md:grid-cols-6">
        {FIGURES.map((f) => (
          <Link
            key={f}
            href={`?${q({ figure: f })}`}
            className={`rounded-xl bg-white p-3 shadow-sm ring-1 ${f === figure ? "ring-2 ring-indigo-500" : "ring-slate-200"}`}
            data-testid={`figure-${f}`}
          >
            <div className="text-xs text-slate-500">{FIGURE_LABELS[f]}</div>
            <div className="text-lg font-semibold tabular-nums">{money(report.total[f])}</div>
          </Link>
        ))}
      </section>

      <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="font-medium">Record a payout</h2>
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          {Object.entries({ from: range.from, to: range.to, level: level ? String(level) : "" }).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}
          <span className="text-slate-500">Fees earned from</span>
          <input type="date" name="payFrom" defaultValue={payPeriod.from} className="rounded-md border border-slate-300 px-2 py-1" aria-label="Payout period from" />
          <span className="text-slate-500">to</span>
          <input type="date" name="payTo" defaultValue={payPeriod.to} className="rounded-md border border-slate-300 px-2 py-1" aria-label="Payout period to" />
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
            Show what is due
          </button>
        </form>
        <p className="text-sm" data-testid="payout-preview">
          Due for this period: <strong>{money(preview.amount)}</strong> in {preview.lines} line{preview.lines === 1 ? "" : "s"} (clawbacks up to the period&apos;s end
          included).
        </p>
        {preview.lines > 0 && preview.amount > 0 && (
          <RecordPayoutForm partnerId={id} from={payPeriod.from} to={payPeriod.to} amount={toDecimalString(preview.amount)} today={today} />
        )}
      </section>

      {payouts.length > 0 && (
        <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-3 font-medium">Payouts</h2>
          <table className="w-full text-left text-sm" data-testid="payouts">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">#</th>
                <th className="py-2 pr-4 font-medium">Paid on</th>
                <th className="py-2 pr-4 font-medium">Period</th>
                <th className="py-2 pr-4 text-right font-medium">Amount</th>
                <th className="py-2 pr-4 font-medium">Reference</th>
                <th className="py-2 font-medium"></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {payouts.map((p) => (
                <tr key={p.id} className={p.undoneAt ? "text-slate-400" : ""}>
                  <td className="py-2 pr-4">{p.id}</td>
                  <td className="py-2 pr-4">{p.paidOn}</td>
                  <td className="py-2 pr-4">
                    {p.periodFrom} – {p.periodTo}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(p.amount)}</td>
                  <td className="py-2 pr-4">
                    {p.reference}
                    {p.comment && <div className="text-xs text-slate-500">{p.comment}</div>}
                    <div className="text-xs text-slate-400">by {p.createdBy}</div>
                  </td>
                  <td className="py-2">
                    {p.undoneAt ? (
                      <span className="text-xs">
                        undone {formatDateTime(p.undoneAt, shop.timeZone, shop.locale)} by {p.undoneBy}: {p.undoReason}
                      </span>
                    ) : isAdmin(session) ? (
                      <UndoPayoutForm payoutId={p.id} partnerId={id} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-medium">
          {FIGURE_LABELS[figure]}: the orders behind it
        </h2>
        {lines.length === 0 ? (
          <p className="text-sm text-slate-500">No lines.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="fee-lines">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Order</th>
                <th className="py-2 pr-4 font-medium">Paid</th>
                <th className="py-2 pr-4 font-medium">Product</th>
                <th className="py-2 pr-4 text-right font-medium">Item sum</th>
                <th className="py-2 pr-4 font-medium">Level</th>
                <th className="py-2 pr-4 text-right font-medium">Fee</th>
                <th className="py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((l) => (
                <tr key={l.id}>
                  <td className="py-2 pr-4 tabular-nums">{l.orderId}</td>
                  <td className="py-2 pr-4 tabular-nums text-slate-600">{formatDateTime(l.paidAt, shop.timeZone, shop.locale)}</td>
                  <td className="py-2 pr-4">{l.title ?? l.productId}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(l.itemSum)}</td>
                  <td className="py-2 pr-4">{l.level}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(l.amount)}</td>
                  <td className="py-2">
                    {l.kind === "CLAWBACK" ? "clawback, " : ""}
                    {l.status}
                    {l.payoutId ? ` (payout #${l.payoutId})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {lines.length === PAGE && (
          <Link href={`?${q({ figure, after: `${cursorOf(lines.at(-1)!).earnedAt}_${cursorOf(lines.at(-1)!).id}` })}`} className="mt-3 inline-block text-sm text-indigo-700 hover:underline">
            Next {PAGE} →
          </Link>
        )}
      </section>
    </div>
  );
}
