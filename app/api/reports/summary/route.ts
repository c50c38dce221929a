import { badRequest, jsonRoute, ok } from "@/lib/api";
import { config } from "@/lib/config";
import { parseRange } from "@/lib/reports/range";
import { getSummary } from "@/lib/reports/summary";

export const dynamic = "force-dynamic";

/** GET /api/reports/summary?from=YYYY-MM-DD&to=YYYY-MM-DD: the overview's figures, money in minor units. */
export const GET = jsonRoute(async (params) => {
  const shop = config();
  const parsed = parseRange({ from: params.get("from"), to: params.get("to") }, new Date(), shop.timeZone);
  if (!parsed.ok) return badRequest(parsed.message);
  return ok(await getSummary(parsed.range, shop));
});
