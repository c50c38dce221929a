/**
 * For route-handler tests: a real, freshly migrated SQLite database in a temporary directory, wired
 * in through the same environment variables the app reads. Call before anything reads config().
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../migrations/migrate";

export const TEST_SECRET = "test-secret-key";

export async function useTempDatabase(env: Record<string, string | undefined> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jc-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  Object.assign(process.env, { DATABASE_URL: url, DATA_DIR: dir, JUSTCLICK_SECRET_KEY: TEST_SECRET, SHOP_TIMEZONE: "Europe/Moscow", SHOP_CURRENCY: "RUB" });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await migrateDatabase(url);
  return { dir, url, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
