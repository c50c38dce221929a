/**
 * Users of the dashboard. The first one is created when `npm start` finds none: from ADMIN_EMAIL /
 * ADMIN_PASSWORD when set, otherwise admin@localhost with a random password the caller shows once.
 */
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import type Database from "better-sqlite3";

export const PASSWORD_COST = 12;

export type FirstUser = { created: false } | { created: true; email: string; password: string; generated: boolean };

export function ensureFirstUser(sqlite: Database.Database, admin: { email: string; password: string } | null): FirstUser {
  return sqlite
    .transaction((): FirstUser => {
      const users = (sqlite.prepare(`SELECT count(*) AS n FROM "User"`).get() as { n: number }).n;
      if (users > 0) return { created: false };
      const email = admin?.email.trim().toLowerCase() ?? "admin@localhost";
      const password = admin?.password ?? crypto.randomBytes(12).toString("base64url");
      sqlite
        .prepare(`INSERT INTO "User" (email, name, passwordHash, role, createdAt) VALUES (?, ?, ?, 'ADMIN', ?)`)
        .run(email, "Owner", bcrypt.hashSync(password, PASSWORD_COST), Date.now());
      return { created: true, email, password, generated: !admin };
    })
    .immediate();
}

export class UserError extends Error {}

export function addUser(sqlite: Database.Database, u: { email: string; password: string; role: "ADMIN" | "STAFF"; name?: string | null }): void {
  const email = u.email.trim().toLowerCase();
  const exists = sqlite.prepare(`SELECT 1 FROM "User" WHERE email = ?`).get(email);
  if (exists) throw new UserError(`${email} already has an account`);
  sqlite
    .prepare(`INSERT INTO "User" (email, name, passwordHash, role, createdAt) VALUES (?, ?, ?, ?, ?)`)
    .run(email, u.name ?? null, bcrypt.hashSync(u.password, PASSWORD_COST), u.role, Date.now());
}

export function setPassword(sqlite: Database.Database, email: string, password: string): void {
  const r = sqlite.prepare(`UPDATE "User" SET passwordHash = ? WHERE email = ?`).run(bcrypt.hashSync(password, PASSWORD_COST), email.trim().toLowerCase());
  if (r.changes === 0) throw new UserError(`there is no user ${email}`);
}
