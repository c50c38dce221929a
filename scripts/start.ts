/**
 * `npm start`: everything a fresh clone needs, then `next start`.
 *  1. read and check the configuration (.env and environment), refusing to start with a message per problem;
 *  2. create the SQLite database under ./data/ if needed and apply pending migrations;
 *  3. create the first user when there is none (ADMIN_EMAIL / ADMIN_PASSWORD, or a generated password);
 *  4. build the app when there is no build or the sources changed since;
 *  5. start the server on PORT (default 3000).
 * `npm start -- --no-build` skips step 4; `--host 127.0.0.1` binds to one address.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { authSecret, DATA_DIR, type Config } from "../lib/config";
import { openWriteConnection } from "../lib/db";
import { migrateDatabase } from "../lib/migrations/migrate";
import { ensureFirstUser } from "../lib/users";
import { loadEnv } from "./env";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const { values: args } = parseArgs({ options: { "no-build": { type: "boolean", default: false }, host: { type: "string" } } });

function createFirstUser(config: Config) {
  const sqlite = openWriteConnection(config.databaseUrl);
  try {
    const user = ensureFirstUser(sqlite, config.admin);
    if (!user.created) return;
    if (user.generated) {
      const file = path.join(DATA_DIR, "initial-admin.txt");
      fs.writeFileSync(file, `email: ${user.email}\npassword: ${user.password}\n`, { mode: 0o600 });
      console.log(`\n  No users yet and no ADMIN_EMAIL/ADMIN_PASSWORD: created ${user.email} with password ${user.password}`);
      console.log(`  (also written to ${file}; to choose your own, set ADMIN_EMAIL and ADMIN_PASSWORD before the first start)\n`);
    } else {
      console.log(`Created the first user, ${user.email}.`);
    }
  } finally {
    sqlite.close();
  }
}

/** The newest modification time under the paths a build depends on. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== "node_modules" && e !== ".next" && e !== "generated") walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma"]) walk(path.join(root, p));
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSource()) return;
  console.log("Building the app (first start, or the sources changed) ...");
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  const config = loadEnv();
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) console.log(`Database ${config.databaseUrl.slice(5)}: applied ${applied.join(", ")}`);
  createFirstUser(config);
  authSecret(); // generated into data/ on first start when AUTH_SECRET is not set
  if (!config.justclickSecret) {
    console.warn("JUSTCLICK_SECRET_KEY is not set: the dashboard works, but /api/hooks answers 503 until it is (see README).");
  }
  if (!args["no-build"]) buildIfNeeded();

  const argv = [nextBin, "start", "-p", String(config.port), ...(args.host ? ["-H", args.host] : [])];
  const server = spawn(process.execPath, argv, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
