import { authedRoute } from "@/lib/api";
import { config } from "@/lib/config";
import { contentDisposition, countExportRows, exportFilename, partnerPayoutsCsv } from "@/lib/partners/export";
import { parseExportQuery } from "@/lib/partners/export-query";
import { getSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

/**
 * GET /api/exports/partner-payouts?from=YYYY-MM-DD&to=YYYY-MM-DD[&shape=partners|lines][&level=1|2]
 *   [&partner=ID][&status=held|due|paid|reversed][&delimiter=comma|semicolon][&decimal=dot|comma]
 */
export const GET = authedRoute(async (request) => {
  const shop = config();
  const now = new Date();
  const q = parseExportQuery(request.nextUrl.searchParams, now, shop.timeZone, shop.locale);
  if (!q.ok) return Response.json({ error: "bad_request", message: q.message }, { status: 400 });
  const ctx = { range: q.range, timeZone: shop.timeZone, holdDays: getSettings().feeHoldDays, now };
  const filename = exportFilename(shop.shopName, ctx, q.request.shape);
  const rows = await countExportRows(ctx, q.request);
  return new Response(partnerPayoutsCsv(ctx, q.request, shop.currency), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(filename),
      "cache-control": "no-store",
      ...(q.request.shape === "lines" ? { "x-total-rows": String(rows) } : {}),
    },
  });
});
