/**
 * Auth.js (next-auth v5): email + password against the User table, JWT sessions. (Not Auth.js's lazy
 * configuration: with it `auth(handler)` returns a promise instead of a handler, which breaks
 * proxy.ts and our route wrappers.)
 */
import bcrypt from "bcryptjs";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "./config";
import { reader } from "./db";

const credentials = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

// compared against when the email is unknown, so a wrong email takes as long as a wrong password
const DUMMY_HASH = "$2b$12$pN3NreiQsGXeHt/NwCTiCO9I2fd4mGIqIv3hZZyNiB8Ne98z6zz.q";

export type Role = "ADMIN" | "STAFF";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id?: string; role?: Role } & DefaultSession["user"];
  }
}

export async function verifyPassword(email: string, password: string) {
  const user = await reader().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? { id: String(user.id), email: user.email, name: user.name, role: user.role } : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // behind `next start` there is no AUTH_URL: trust the Host header (see README, reverse proxies)
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/login" },
  // a wrong password is an everyday event, not a server error worth a stack trace
  logger: { error: (e) => ((e as { type?: string }).type === "CredentialsSignin" ? undefined : console.error("[auth]", e)) },
  callbacks: {
    // the role travels in the signed session token
    jwt: ({ token, user }) => (user ? { ...token, role: user.role } : token),
    session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub, role: token.role === "ADMIN" ? "ADMIN" : "STAFF" } }),
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (raw) => {
        const parsed = credentials.safeParse(raw);
        return parsed.success ? verifyPassword(parsed.data.email, parsed.data.password) : null;
      },
    }),
  ],
});
