import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("configuration from the environment", () => {
  it("starts on the embedded defaults with nothing set", () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({ justclickSecret: null, admin: null, timeZone: "Europe/Moscow", currency: "RUB", locale: "ru-RU", port: 3000 });
    expect(r.config.databaseUrl).toMatch(/^file:\/.*\/data\/justclick\.db$/);
  });

  it("treats empty values as unset, as an .env file with KEY= means", () => {
    expect(loadConfig({ JUSTCLICK_SECRET_KEY: "", PORT: " " })).toMatchObject({ ok: true, config: { justclickSecret: null, port: 3000 } });
  });

  it("names every bad value at once", () => {
    const r = loadConfig({
      DATABASE_URL: "postgres://x",
      SHOP_TIMEZONE: "Moscow",
      SHOP_CURRENCY: "rubles",
      PORT: "70000",
      AUTH_SECRET: "short",
      ADMIN_EMAIL: "owner@example.com",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        "DATABASE_URL: must be a SQLite file URL such as file:./data/justclick.db",
        "SHOP_TIMEZONE: is not an IANA time zone such as Europe/Moscow",
        "SHOP_CURRENCY: is not an ISO 4217 currency code such as RUB or USD",
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^AUTH_SECRET: must be at least 32 characters/),
      ]),
    );
  });

  it("needs ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    const r = loadConfig({ ADMIN_EMAIL: "owner@example.com" });
    expect(r).toEqual({ ok: false, errors: ["ADMIN_PASSWORD: is missing: ADMIN_EMAIL is set, and the two go together"] });
    expect(loadConfig({ ADMIN_PASSWORD: "long enough pw" })).toEqual({ ok: false, errors: ["ADMIN_EMAIL: is missing: ADMIN_PASSWORD is set, and the two go together"] });
    expect(loadConfig({ ADMIN_EMAIL: "owner@example.com", ADMIN_PASSWORD: "long enough pw" })).toMatchObject({ ok: true, config: { admin: { email: "owner@example.com" } } });
  });

  it("resolves a relative SQLite path to an absolute one", () => {
    const r = loadConfig({ DATABASE_URL: "file:./data/x.db" });
    expect(r.ok && r.config.databaseUrl).toBe(`file:${process.cwd()}/data/x.db`);
  });
});
