import { badRequest, jsonRoute, ok } from "@/lib/api";
import { config } from "@/lib/config";
import { cursorOfOrder, formatOrdersCursor, listOrders, parseOrdersPage } from "@/lib/reports/orders";
import { thisMonth } from "@/lib/time";

export const dynamic = "force-dynamic";

/**
 * GET /api/reports/orders?dated&from&to&status&product&partner&coupon&q&utm_…&after&limit: a page of orders,
 * newest first by the chosen date, and `next`, the `after` of the following page (null on the last).
 */
export const GET = jsonRoute(async (params) => {
  const shop = config();
  const p = parseOrdersPage(params, thisMonth(new Date(), shop.timeZone));
  if (!p.ok) return badRequest(p.message);
  const orders = await listOrders(p.filter, shop.timeZone, { after: p.after, limit: p.limit });
  return ok({ currency: shop.currency, orders, next: orders.length === p.limit ? formatOrdersCursor(cursorOfOrder(orders.at(-1)!)) : null });
});
