import { describe, expect, it } from "vitest";
import { gate, isPublic, safeCallbackPath } from "./access";

describe("who may see what", () => {
  it("lets anyone reach the login page, the hook, the health check and Auth.js routes", () => {
    for (const p of ["/login", "/api/hooks", "/api/health", "/api/auth/callback/credentials", "/api/auth/session"]) expect(isPublic(p)).toBe(true);
    for (const p of ["/", "/api/reports/summary", "/loginx", "/api/hooksy", "/notifications"]) expect(isPublic(p)).toBe(false);
  });

  it("answers anonymous API calls with 401 JSON", async () => {
    const res = gate("/api/reports/summary", "?from=2024-06-01", false)!;
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  });

  it("sends anonymous people to the login page, remembering where they were going", () => {
    const res = gate("/", "?from=2024-06-01&to=2024-06-30", false)!;
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/login?callbackUrl=%2F%3Ffrom%3D2024-06-01%26to%3D2024-06-30");
    expect(gate("/", "", false)!.headers.get("location")).toBe("/login");
  });

  it("lets signed-in users through", () => {
    expect(gate("/api/reports/summary", "", true)).toBeNull();
    expect(gate("/", "", true)).toBeNull();
  });

  it("returns after login only to paths on this site", () => {
    expect(safeCallbackPath("/?from=2024-06-01")).toBe("/?from=2024-06-01");
    for (const bad of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", undefined, 42]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
