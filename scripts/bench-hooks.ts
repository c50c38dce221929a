/**
 * Load test of POST /api/hooks under `next start`, and in the same run of an empty route handler on the
 * same Next.js (scripts/bench/empty-app), with the same signed notification bodies. Loopback only,
 * bounded in time. Prints both throughputs, their ratio and p50/p99 latencies, and checks that every
 * notification answered 200 was written to the database.
 *
 * The two targets take turns (hooks, empty, hooks, empty, ...) so that a drift in the machine's speed
 * hits both; medians are reported.
 *
 *   npm run bench:hooks [-- --rounds 3 --duration 10 --connections 50]
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { migrateDatabase } from "../lib/migrations/migrate";
import { fakeShop } from "./lib/fake-shop";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
  },
});
const duration = Number(args.duration);
const rounds = Number(args.rounds);
const connections = Number(args.connections);
const root = path.resolve(import.meta.dirname, "..");
const emptyApp = path.join(root, "scripts/bench/empty-app");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const SECRET = "bench-secret";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

function run(cmd: string, argv: string[], cwd = root) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(cmd, argv, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(" ")} exited with ${code}`))));
  });
}

async function startServer(dir: string, port: number, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, [nextBin, "start", dir, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
      return server;
    } catch {
      if (Date.now() > deadline) throw new Error(`server on port ${port} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function stop(server: ChildProcess) {
  return new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

interface Result {
  /** Bodies handed to the load generator (the last few may have been cut off when the run stopped). */
  sent: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, bodies: string[], seconds: number): Promise<Result> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  return {
    sent: i,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (!args["skip-build"]) {
    console.log("Building the app and the empty baseline app ...");
    await run(process.execPath, [nextBin, "build"]);
    await run(process.execPath, [nextBin, "build", emptyApp]);
  }
  // Enough distinct notifications that none repeats during the run: every request writes.
  const bodies = fakeShop({ orders: 80_000, days: 60, seed: 7, secret: SECRET }).map((n) => n.body);
  const avgBytes = Math.round(bodies.reduce((s, b) => s + b.length, 0) / bodies.length);
  console.log(`${bodies.length} distinct signed notifications prepared (${avgBytes} bytes on average)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jc-bench-"));
  const dbFile = path.join(dir, "bench.db");
  await migrateDatabase(`file:${dbFile}`);
  const hooks = await startServer(".", 3101, { DATABASE_URL: `file:${dbFile}`, DATA_DIR: dir, JUSTCLICK_SECRET_KEY: SECRET, AUTH_SECRET: "x".repeat(40) });
  const empty = await startServer(emptyApp, 3102, {});

  // Each hook request gets the next unused body, across warm-up and rounds alike.
  let next = 0;
  const nextBodies = () => {
    const rest = bodies.slice(next);
    return { rest, used: (n: number) => (next += n) };
  };
  const hookRuns: Result[] = [];
  const emptyRuns: Result[] = [];
  let hookAnswered = 0;
  let hookSent = 0;
  try {
    for (const [target, seconds] of [["warm-up", 2], ...Array.from({ length: rounds }, () => ["round", duration] as const)] as const) {
      const b = nextBodies();
      const h = await load("http://127.0.0.1:3101/api/hooks", b.rest, seconds);
      b.used(h.sent);
      hookSent += h.sent;
      hookAnswered += h.requests - h.non2xx - h.errors;
      const e = await load("http://127.0.0.1:3102/api/empty", bodies, seconds);
      if (target === "round") {
        hookRuns.push(h);
        emptyRuns.push(e);
      }
    }
  } finally {
    await stop(hooks);
    await stop(empty);
  }
  if (next > bodies.length) console.warn("warning: ran out of distinct bodies; later requests repeated earlier notifications");

  const sqlite = new Database(dbFile, { readonly: true });
  const count = (where: string) => (sqlite.prepare(`SELECT count(*) AS n FROM "Notification" WHERE ${where}`).get() as { n: number }).n;
  const stored = count("1");
  const applied = count("verdict = 'APPLIED'");
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const summary = (rs: Result[]) => ({
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    requests: rs.reduce((s, r) => s + r.requests, 0),
    bad: rs.reduce((s, r) => s + r.non2xx + r.errors, 0),
  });
  const h = summary(hookRuns);
  const e = summary(emptyRuns);
  const ratios = hookRuns.map((r, i) => r.rps / emptyRuns[i]!.rps);
  const row = (name: string, r: ReturnType<typeof summary>) =>
    `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.requests} requests, ${r.bad} failed)`;
  console.log(`\n${os.cpus().length} cores, ${connections} connections, ${rounds} rounds of ${duration} s per target, loopback; medians`);
  console.log(row("POST /api/hooks", h));
  console.log(row("empty route handler", e));
  console.log(`hooks / empty throughput: ${(median(ratios) * 100).toFixed(0)}% (rounds: ${ratios.map((r) => (r * 100).toFixed(0) + "%").join(", ")}; target at least 70%)`);
  // Requests still in flight when a run stops are processed by the server but not counted as answered.
  const ok = applied === stored && stored >= hookAnswered && stored <= hookSent;
  console.log(`every notification written: ${ok ? "yes" : "NO"} (${hookAnswered} answered 200 in time, ${hookSent} sent, ${stored} stored, ${applied} applied)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
