/**
 * Memory of the partner payouts CSV export under `next start`: seeds 30,000 paid orders with five items
 * and two partner levels each (300,000 fee lines, through lib/ingest like the hook), then exports about
 * 10,000, 100,000 and all 300,000 lines over loopback and prints the server's peak resident memory
 * (VmHWM, from /proc) after each. Streaming keeps the peak from growing with the size of the export.
 *
 *   npm run bench:export [-- --skip-build]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { openWriteConnection } from "../lib/db";
import { receiveBatch } from "../lib/ingest/receive";
import { ingestStore } from "../lib/ingest/store";
import { signedBody } from "../lib/justclick/encode";
import { migrateDatabase } from "../lib/migrations/migrate";
import { ensureFirstUser } from "../lib/users";

const { values: args } = parseArgs({ options: { "skip-build": { type: "boolean", default: false } } });
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const SECRET = "bench-secret";
const AUTH_SECRET = "bench-auth-secret-".padEnd(40, "x");
const ORDERS = 30_000;
const DAYS = 100;
const PORT = 3111;

export async function seedLines(url: string) {
  await migrateDatabase(url);
  const sqlite = openWriteConnection(url);
  ensureFirstUser(sqlite, { email: "bench@example.com", password: "bench password" });
  const store = ingestStore(sqlite, "Europe/Moscow");
  const start = Date.UTC(2025, 0, 1) / 1000;
  let batch: Parameters<typeof receiveBatch>[1] = [];
  for (let i = 0; i < ORDERS; i++) {
    const id = String(20_000_000 + i);
    const paid = start + Math.floor((i / ORDERS) * DAYS * 86400);
    const items = Array.from({ length: 5 }, (_, n) => ({
      id: `course_${n}`,
      title: `Курс «${n}»; "партнёрский"`,
      sum: "1990",
      partners: [
        { partner_lvl: "1", partner_id: String(500 + (i % 40)), partner_name: `партнёр_${i % 40}`, partner_fee: "597" },
        { partner_lvl: "2", partner_id: String(900 + (i % 7)), partner_name: `наставник_${i % 7}`, partner_fee: "99.50" },
      ],
    }));
    const body = signedBody({ id, email: `${id}@example.ru`, paid: String(paid), last_payment_sum: "9950", items }, SECRET);
    batch.push({ delivery: { body: Buffer.from(body), size: body.length, contentType: "application/x-www-form-urlencoded", query: "", secret: SECRET }, receivedAt: new Date(paid * 1000) });
    if (batch.length === 1000) {
      receiveBatch(store, batch);
      batch = [];
    }
  }
  receiveBatch(store, batch);
  const lines = (sqlite.prepare(`SELECT count(*) AS n FROM "PartnerFee"`).get() as { n: number }).n;
  sqlite.close();
  return lines;
}

function memory(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { peakMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(PORT)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 150; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/api/health`);
      return server;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("the server did not start");
}

async function exportCsv(cookie: string, query: string) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}/api/exports/partner-payouts?${query}`, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  let rows = -1;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) rows++;
  }
  return { rows, mb: bytes / 1024 / 1024, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  if (!args["skip-build"]) {
    console.log("Building the app ...");
    if (spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] }).status !== 0) process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jc-bench-export-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const seeded = performance.now();
  const lines = await seedLines(url);
  console.log(`Seeded ${ORDERS} paid orders, ${lines} fee lines, in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const server = await startServer({ ...env, DATABASE_URL: url, DATA_DIR: dir, JUSTCLICK_SECRET_KEY: SECRET, AUTH_SECRET });
  try {
    const token = await encode({ token: { sub: "1", email: "bench@example.com", role: "ADMIN" }, secret: AUTH_SECRET, salt: "authjs.session-token" });
    const cookie = `authjs.session-token=${token}`;
    await exportCsv(cookie, "from=2025-01-01&to=2025-04-30"); // warm-up: per-partner totals
    await exportCsv(cookie, "from=2025-01-01&to=2025-01-01&shape=lines");
    const rows: string[] = [];
    const report = (label: string, r: { rows: number; mb: number; seconds: number } | null) => {
      const m = memory(server.pid!);
      rows.push(`${label.padEnd(30)} ${r ? `${String(r.rows).padStart(7)} rows ${r.mb.toFixed(1).padStart(6)} MB in ${r.seconds.toFixed(1).padStart(4)} s` : "".padEnd(34)}   peak RSS ${m.peakMb.toFixed(0)} MB (now ${m.rssMb.toFixed(0)} MB)`);
    };
    report("after start and warm-up", null);
    // 3,000 lines a day over 100 days
    report("export ~10,000 lines", await exportCsv(cookie, "from=2025-01-01&to=2025-01-03&shape=lines"));
    report("export ~100,000 lines", await exportCsv(cookie, "from=2025-01-01&to=2025-02-02&shape=lines"));
    report("export all 300,000 lines", await exportCsv(cookie, "from=2025-01-01&to=2025-04-30&shape=lines"));
    report("export ~100,000 lines again", await exportCsv(cookie, "from=2025-01-01&to=2025-02-02&shape=lines"));
    console.log(`\n${os.cpus().length} cores; server memory as the kernel counts it (VmHWM = peak resident set)`);
    for (const r of rows) console.log(r);
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
