import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { authSecret } from "../config";

const COOKIE = "authjs.session-token";

/** A request carrying a real Auth.js session cookie, signed with the app's secret, as a browser would send it. */
export async function signedInRequest(url: string, user: Record<string, string> = { sub: "1", email: "owner@example.com", role: "ADMIN" }): Promise<NextRequest> {
  const token = await encode({ token: user, secret: authSecret(), salt: COOKIE });
  return new NextRequest(url, { headers: { cookie: `${COOKIE}=${token}`, ...serverHeaders(url) } });
}

export function anonymousRequest(url: string): NextRequest {
  return new NextRequest(url, { headers: serverHeaders(url) });
}

/** What reaches a route under `next start`: the browser's Host, and the protocol Next adds. Auth.js builds its session URL (and picks the cookie name) from them. */
function serverHeaders(url: string) {
  const u = new URL(url);
  return { host: u.host, "x-forwarded-proto": u.protocol.replace(":", "") };
}
