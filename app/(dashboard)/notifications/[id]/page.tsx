import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VerdictBadge } from "@/components/verdict-badge";
import { config } from "@/lib/config";
import { reader } from "@/lib/db";
import { describeBody } from "@/lib/reports/order";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Notification" };
export const dynamic = "force-dynamic";

export default async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // ids are 32-bit integers in the database: anything else is no notification of ours
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2 ** 31 - 1) notFound();
  const n = await reader().notification.findUnique({ where: { id: Number(id) } });
  if (!n) notFound();
  const shop = config();
  const body = describeBody(n.body);
  return (
    <div className="space-y-4">
      <Link href="/notifications" className="text-sm text-indigo-700 hover:underline">← Notifications</Link>
      <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
        Notification #{n.id} <VerdictBadge verdict={n.verdict} />
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Received</dt>
        <dd>{formatDateTime(n.receivedAt, shop.timeZone, shop.locale)}</dd>
        <dt className="text-slate-500">Type</dt>
        <dd>{n.kind?.toLowerCase() ?? "—"}</dd>
        <dt className="text-slate-500">Order</dt>
        <dd>{n.orderId ? <Link href={`/orders/${n.orderId}`} className="text-indigo-700 hover:underline">{n.orderId}</Link> : "—"}</dd>
        <dt className="text-slate-500">URL query</dt>
        <dd>{n.query ? `?${n.query}` : "—"}</dd>
        <dt className="text-slate-500">Content type</dt>
        <dd>{n.contentType ?? "—"}</dd>
        <dt className="text-slate-500">Signature</dt>
        <dd>{n.signature ? `matched (${n.signature} form)` : "—"}</dd>
        <dt className="text-slate-500">Reason</dt>
        <dd>{n.reason ?? "—"}</dd>
      </dl>
      <h2 className="font-medium">As received ({n.body.byteLength} bytes)</h2>
      {/* rendered as text: React escapes it, whatever the body holds */}
      <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-xl bg-white p-3 text-xs ring-1 ring-slate-200" data-testid="raw-body">{body.raw}</pre>
      {body.fields && (
        <>
          <h2 className="font-medium">Decoded fields</h2>
          <pre className="max-h-[32rem] overflow-auto rounded-xl bg-white p-3 text-xs ring-1 ring-slate-200" data-testid="decoded-body">{body.fields}</pre>
        </>
      )}
    </div>
  );
}
