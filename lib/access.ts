/**
 * Who may see what, in one place. Everything needs a signed-in user except the login page, the
 * JustClick hook (it has its own signature check), the health check and Auth.js's own routes.
 */

const PUBLIC = [/^\/login(\/|$)/, /^\/api\/hooks(\/|$)/, /^\/api\/health(\/|$)/, /^\/api\/auth(\/|$)/];

export function isPublic(pathname: string): boolean {
  return PUBLIC.some((p) => p.test(pathname));
}

/**
 * What an anonymous request gets: API callers a 401 JSON they can act on, people the login page, which
 * sends them back where they were going. Null: let the request through. `origin` is the scheme and
 * host the browser used (see originOf).
 */
export function gate(pathname: string, search: string, signedIn: boolean, origin: string): Response | null {
  if (signedIn || isPublic(pathname)) return null;
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: "unauthorized", message: "Sign in first: this endpoint needs a logged-in user" }, { status: 401 });
  }
  const back = pathname === "/" && !search ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return Response.redirect(`${origin}/login${back}`, 307);
}

/**
 * The origin the browser used, from the Host header. Not request.url: Next rewrites loopback hosts
 * there (127.0.0.1 becomes localhost), and a redirect to another host loses the session cookie.
 */
export function originOf(headers: Headers, fallback: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = (headers.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  return host && /^[a-z0-9.\-:[\]]+$/i.test(host) ? `${proto === "https" ? "https" : "http"}://${host}` : fallback;
}

/** Where to go after signing in: only a path on this site (no "//host", no scheme), else the overview. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  try {
    const url = new URL(value, "http://localhost");
    const path = url.pathname + url.search;
    // normalising can turn "/.//host" into "//host", which browsers read as another site
    return url.origin === "http://localhost" && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}

/** Settings, users and undoing payouts are for admins (the owner); everything else for any signed-in user. */
export function isAdmin(session: { user?: { role?: string } } | null | undefined): boolean {
  return session?.user?.role === "ADMIN";
}
