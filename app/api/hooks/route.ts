import { config } from "@/lib/config";
import { receiveNotification } from "@/lib/ingest/receive";
import { MAX_BODY_BYTES } from "@/lib/justclick/body";
import { readBodyWithin } from "@/lib/http";

// Notifications must be stored and applied on every request, never served from a cache.
export const dynamic = "force-dynamic";

/** JustClick's notification URL for all five types; see lib/ingest/receive.ts for what happens. */
export async function POST(request: Request): Promise<Response> {
  const { body, size } = await readBodyWithin(request, MAX_BODY_BYTES);
  const result = await receiveNotification({
    body,
    size,
    contentType: request.headers.get("content-type"),
    query: new URL(request.url).search.slice(1),
    secret: config().justclickSecret,
  });
  return new Response(result.body + "\n", { status: result.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function methodNotAllowed(): Response {
  return new Response("Method not allowed: JustClick notifications are POSTed here\n", {
    status: 405,
    headers: { allow: "POST", "content-type": "text/plain; charset=utf-8" },
  });
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
