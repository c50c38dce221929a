import { badRequest, jsonRoute, ok } from "@/lib/api";
import { config } from "@/lib/config";
import { periodOf } from "@/lib/reports/range";
import { getUtmReport, parseUtmSelection } from "@/lib/reports/utm";

export const dynamic = "force-dynamic";

/**
 * GET /api/reports/utm?from&to&compare&dimension=source|medium|campaign|content|term&utm_source=…: one row per
 * value of the tag, within the drill-down's tags ("(none)" for orders without one); money in minor units.
 */
export const GET = jsonRoute(async (params) => {
  const shop = config();
  const p = periodOf(params, new Date(), shop.timeZone);
  if (!p.ok) return badRequest(p.message);
  const sel = parseUtmSelection(params);
  if (!sel.ok) return badRequest(sel.message);
  return ok(await getUtmReport(p.period, shop, sel.selection));
});
