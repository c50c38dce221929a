import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
// One throw-away data directory per run; set here in the main process so the workers inherit it.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "jc-e2e-"));
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  throw new Error(`Playwright runs Debian's Chromium at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
}

export const E2E = { adminEmail: "owner@example.com", adminPassword: "correct horse battery", secret: "test-secret-key" };

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.artifacts/results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    timezoneId: "Europe/Moscow",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Debian's Chromium in a container without a network: no sandbox, GPU or background traffic
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    },
  },
  webServer: {
    // the real start path (migrations, first user), on the build `npm run test:e2e` just made
    command: "npx tsx scripts/start.ts --no-build --host 127.0.0.1",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR, "e2e.db")}`,
      JUSTCLICK_SECRET_KEY: E2E.secret,
      ADMIN_EMAIL: E2E.adminEmail,
      ADMIN_PASSWORD: E2E.adminPassword,
      SHOP_TIMEZONE: "Europe/Moscow",
      SHOP_CURRENCY: "RUB",
      SHOP_LOCALE: "ru-RU",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
