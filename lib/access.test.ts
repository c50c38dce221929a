import { describe, expect, it } from "vitest";
import { gate, isPublic, originOf, safeCallbackPath } from "./access";

const O = "http://127.0.0.1:3000";

describe("who may see what", () => {
  it("lets anyone reach the login page, the hook, the health check and Auth.js routes", () => {
    for (const p of ["/login", "/api/hooks", "/api/health", "/api/auth/callback/credentials", "/api/auth/session"]) expect(isPublic(p)).toBe(true);
    for (const p of ["/", "/api/reports/summary", "/loginx", "/api/hooksy", "/notifications"]) expect(isPublic(p)).toBe(false);
  });

  it("answers anonymous API calls with 401 JSON", async () => {
    const res = gate("/api/reports/summary", "?from=2024-06-01", false, O)!;
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  });

  it("sends anonymous people to the login page, remembering where they were going", () => {
    const res = gate("/", "?from=2024-06-01&to=2024-06-30", false, O)!;
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/login?callbackUrl=%2F%3Ffrom%3D2024-06-01%26to%3D2024-06-30");
    expect(gate("/", "", false, O)!.headers.get("location")).toBe("http://127.0.0.1:3000/login");
  });

  it("lets signed-in users through", () => {
    expect(gate("/api/reports/summary", "", true, O)).toBeNull();
    expect(gate("/", "", true, O)).toBeNull();
  });

  it("redirects to the host the browser used, not a rewritten one", () => {
    expect(originOf(new Headers({ host: "127.0.0.1:3300", "x-forwarded-proto": "http" }), "http://localhost:3300")).toBe("http://127.0.0.1:3300");
    expect(originOf(new Headers({ host: "shop.example.ru", "x-forwarded-proto": "https" }), "x")).toBe("https://shop.example.ru");
    expect(originOf(new Headers({ host: "evil.example/<script>" }), "http://localhost:3000")).toBe("http://localhost:3000");
  });

  it("returns after login only to paths on this site", () => {
    expect(safeCallbackPath("/?from=2024-06-01")).toBe("/?from=2024-06-01");
    for (const bad of ["/.//evil.example", "//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", undefined, 42]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
