import type { LatestNotification } from "@/lib/reports/notifications";
import { formatDateTime } from "@/lib/time";
import { VerdictBadge } from "./verdict-badge";

export function NotificationsTable({ rows, timeZone, locale }: { rows: LatestNotification[]; timeZone: string; locale: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="latest-notifications">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Received</th>
            <th className="py-2 pr-4 font-medium">Type</th>
            <th className="py-2 pr-4 font-medium">Order</th>
            <th className="py-2 pr-4 font-medium">Verdict</th>
            <th className="py-2 font-medium">Reason</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((n) => (
            <tr key={n.id}>
              <td className="whitespace-nowrap py-2 pr-4 tabular-nums text-slate-600">{formatDateTime(n.receivedAt, timeZone, locale)}</td>
              <td className="py-2 pr-4">{n.kind ? n.kind.toLowerCase() : "—"}</td>
              <td className="py-2 pr-4 tabular-nums">{n.orderId ?? "—"}</td>
              <td className="py-2 pr-4">
                <VerdictBadge verdict={n.verdict} />
              </td>
              <td className="py-2 text-slate-600">{n.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
