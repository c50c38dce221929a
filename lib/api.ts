/**
 * The shared shape of our JSON endpoints: signed-in users only (401 JSON otherwise), query validated
 * (400 JSON saying what is wrong), one query function, JSON out.
 */
import type { NextRequest } from "next/server";
import { gate } from "./access";
import { auth } from "./auth";

type Handler = (params: URLSearchParams) => Promise<{ status: number; body: unknown }>;

export function jsonRoute(handler: Handler): (request: NextRequest, context: { params: Promise<object> }) => Promise<Response> {
  const route = auth(async (request) => {
    const denied = gate(request.nextUrl.pathname, "", !!request.auth, request.nextUrl.origin);
    if (denied) return denied;
    const { status, body } = await handler(request.nextUrl.searchParams);
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  });
  return (request, context) => route(request, context) as Promise<Response>;
}

export const badRequest = (message: string) => ({ status: 400, body: { error: "bad_request", message } });
export const ok = (body: unknown) => ({ status: 200, body });
