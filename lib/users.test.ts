import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "./testing/temp-db";

const tmp = await useTempDatabase();
const { openWriteConnection } = await import("./db");
const { ensureFirstUser } = await import("./users");
const { verifyPassword } = await import("./auth");
afterAll(() => tmp.cleanup());

describe("the first user", () => {
  it("is created from ADMIN_EMAIL / ADMIN_PASSWORD when there is none, and can sign in", async () => {
    const sqlite = openWriteConnection(tmp.url);
    expect(ensureFirstUser(sqlite, { email: " Owner@Example.com", password: "correct horse battery" })).toEqual({
      created: true,
      email: "owner@example.com",
      password: "correct horse battery",
      generated: false,
    });
    expect(await verifyPassword("owner@example.com", "correct horse battery")).toMatchObject({ email: "owner@example.com" });
    expect(await verifyPassword("OWNER@example.com", "correct horse battery")).not.toBeNull();
    expect(await verifyPassword("owner@example.com", "wrong")).toBeNull();
    expect(await verifyPassword("nobody@example.com", "correct horse battery")).toBeNull();
    // a later start with other credentials changes nothing: users are managed in the app, not the env
    expect(ensureFirstUser(sqlite, { email: "other@example.com", password: "another password" })).toEqual({ created: false });
    sqlite.close();
  });

  it("gets a generated password when no ADMIN_* is set", async () => {
    const sqlite = openWriteConnection(tmp.url);
    sqlite.exec(`DELETE FROM "User"`);
    const user = ensureFirstUser(sqlite, null);
    expect(user).toMatchObject({ created: true, email: "admin@localhost", generated: true });
    if (!user.created) return;
    expect(user.password.length).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword("admin@localhost", user.password)).not.toBeNull();
    sqlite.close();
  });
});

describe("more users", () => {
  it("are added with a role, refused twice, and get new passwords", async () => {
    const { addUser, setPassword } = await import("./users");
    const sqlite = openWriteConnection(tmp.url);
    addUser(sqlite, { email: "Staff@Example.com", password: "staff password 1", role: "STAFF" });
    expect(await verifyPassword("staff@example.com", "staff password 1")).toMatchObject({ role: "STAFF" });
    expect(() => addUser(sqlite, { email: "staff@example.com", password: "whatever 123", role: "ADMIN" })).toThrow(/already has an account/);
    setPassword(sqlite, "staff@example.com", "another password");
    expect(await verifyPassword("staff@example.com", "staff password 1")).toBeNull();
    expect(await verifyPassword("staff@example.com", "another password")).not.toBeNull();
    expect(() => setPassword(sqlite, "nobody@example.com", "another password")).toThrow(/no user/);
    sqlite.close();
  });
});
