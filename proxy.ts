import { gate, originOf } from "@/lib/access";
import { auth } from "@/lib/auth";

/** Every request but static files passes here; lib/access.ts decides. */
export default auth(
  (request) => gate(request.nextUrl.pathname, request.nextUrl.search, !!request.auth, originOf(request.headers, request.nextUrl.origin)) ?? undefined,
);

export const config = {
  // the hook is public and hot: keep session decoding off its path (lib/access.ts lists it as public too)
  matcher: ["/((?!_next/static/|_next/image|favicon.ico$|robots.txt$|api/hooks(?:/|$)).*)"],
};
