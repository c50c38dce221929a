/**
 * The shared shape of our API routes: signed-in users only (401 JSON otherwise), then the handler.
 * jsonRoute adds the JSON convention: the handler validates its query and returns a status and a body.
 */
import type { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { gate } from "./access";
import { auth } from "./auth";

type RouteHandler = (request: NextRequest, context: { params: Promise<object> }) => Promise<Response>;

export function authedRoute(handler: (request: NextRequest, session: Session) => Promise<Response>): RouteHandler {
  const route = auth(async (request) => {
    const denied = gate(request.nextUrl.pathname, "", !!request.auth, request.nextUrl.origin);
    if (denied || !request.auth) return denied ?? undefined;
    return handler(request, request.auth);
  });
  return (request, context) => route(request, context) as Promise<Response>;
}

type Handler = (params: URLSearchParams) => Promise<{ status: number; body: unknown }>;

export function jsonRoute(handler: Handler): RouteHandler {
  return authedRoute(async (request) => {
    const { status, body } = await handler(request.nextUrl.searchParams);
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  });
}

export const badRequest = (message: string) => ({ status: 400, body: { error: "bad_request", message } });
export const ok = (body: unknown) => ({ status: 200, body });
