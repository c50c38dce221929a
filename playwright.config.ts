import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
// The report pages are checked figure by figure on a shop of their own (lib/testing/fixed-shop.ts), on a
// second server, so the other specs' notifications do not move their numbers.
const reportsPort = port + 1;
// Throw-away data directories per run; set here in the main process so the workers inherit them.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "jc-e2e-"));
process.env.E2E_REPORTS_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "jc-e2e-reports-"));
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
  projects: [
    { name: "app", testIgnore: /reports\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: "reports", testMatch: /reports\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${reportsPort}` } },
  ],
  webServer: [server(port, process.env.E2E_DATA_DIR), server(reportsPort, process.env.E2E_REPORTS_DATA_DIR)],
});

function server(port: number, dataDir: string) {
  return {
    // the real start path (migrations, first user), on the build `npm run test:e2e` just made
    command: "npx tsx scripts/start.ts --no-build --host 127.0.0.1",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
      JUSTCLICK_SECRET_KEY: E2E.secret,
      ADMIN_EMAIL: E2E.adminEmail,
      ADMIN_PASSWORD: E2E.adminPassword,
      SHOP_TIMEZONE: "Europe/Moscow",
      SHOP_CURRENCY: "RUB",
      SHOP_LOCALE: "ru-RU",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  };
}
