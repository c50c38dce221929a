import { badRequest, jsonRoute, ok } from "@/lib/api";
import { config } from "@/lib/config";
import { periodOf } from "@/lib/reports/range";
import { getPrepaymentReport } from "@/lib/reports/prepayments";

export const dynamic = "force-dynamic";

/** GET /api/reports/prepayments?from&to&group=day|week|month&compare=1|0: the prepayments page's figures, money in minor units. */
export const GET = jsonRoute(async (params) => {
  const shop = config();
  const p = periodOf(params, new Date(), shop.timeZone);
  if (!p.ok) return badRequest(p.message);
  return ok(await getPrepaymentReport(p.period, shop));
});
