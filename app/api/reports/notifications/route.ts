import { badRequest, jsonRoute, ok } from "@/lib/api";
import { config } from "@/lib/config";
import { countVerdicts, listNotifications, LOG_PAGE, parseLogFilter } from "@/lib/reports/notifications";
import { parseRange } from "@/lib/reports/range";

export const dynamic = "force-dynamic";

/** GET /api/reports/notifications?from&to&verdict&order&before: deliveries to /api/hooks, newest first, a page at a time. */
export const GET = jsonRoute(async (params) => {
  const shop = config();
  const range = parseRange({ from: params.get("from"), to: params.get("to") }, new Date(), shop.timeZone);
  if (!range.ok) return badRequest(range.message);
  const f = parseLogFilter(params, range.range);
  if (!f.ok) return badRequest(f.message);
  const [notifications, verdicts] = await Promise.all([listNotifications(f.filter, shop.timeZone, { beforeId: f.beforeId, limit: LOG_PAGE }), countVerdicts(range.range, shop.timeZone)]);
  return ok({ ...range.range, verdicts, notifications, next: notifications.length === LOG_PAGE ? String(notifications.at(-1)!.id) : null });
});
