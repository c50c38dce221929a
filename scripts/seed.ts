/**
 * Fills a database with a realistic shop's history through the same code the hook runs: generated
 * notifications (scripts/lib/fake-shop.ts) are signed, stored in the log, parsed, checked and applied by
 * lib/ingest, each with the arrival time JustClick would have sent it at. For benchmarks and demos.
 *
 *   npm run seed -- --orders 100000 [--days 365] [--seed 1] [--database file:./data/bench.db]
 */
import { parseArgs } from "node:util";
import { openWriteConnection } from "../lib/db";
import { ingestStore } from "../lib/ingest/store";
import { receiveBatch } from "../lib/ingest/receive";
import { migrateDatabase } from "../lib/migrations/migrate";
import { Worker } from "node:worker_threads";
import type { Reading } from "../lib/justclick/read";
import type { ShopOptions } from "./lib/fake-shop";
import { loadEnv } from "./env";

const FORM = "application/x-www-form-urlencoded";

const CHUNK = 2000;

type Produced = { batch: { body: string; at: number; reading: Reading }[]; orders: number; done: boolean };

export async function seed(options: { url: string; orders: number; days: number; seed: number; secret: string; timeZone: string; now?: number; log?: (line: string) => void }) {
  await migrateDatabase(options.url);
  const sqlite = openWriteConnection(options.url);
  // a bulk load into a database nobody uses yet: skip the fsyncs (a crash means seeding again)
  sqlite.pragma("synchronous = OFF");
  const store = ingestStore(sqlite, options.timeZone);
  const started = performance.now();
  const shop: ShopOptions = { orders: options.orders, days: options.days, seed: options.seed, secret: options.secret, now: options.now, firstOrderId: 10_000_000 };
  // a second thread generates and reads the notifications while this one writes them
  const worker = new Worker(new URL("./lib/seed-worker.mjs", import.meta.url), { workerData: { options: shop, chunk: CHUNK } });
  // one request in flight at a time; a crash of the worker fails it. (Not Promise.race against a
  // crash promise: every race would stay attached to that never-settling promise with its batch.)
  let waiting: { resolve: (p: Produced) => void; reject: (e: unknown) => void } | null = null;
  let crashed: unknown = null;
  worker.on("message", (p: Produced) => {
    const w = waiting;
    waiting = null;
    w?.resolve(p);
  });
  worker.once("error", (e) => {
    crashed = e;
    waiting?.reject(e);
    waiting = null;
  });
  const next = () =>
    new Promise<Produced>((resolve, reject) => {
      if (crashed) return reject(crashed);
      waiting = { resolve, reject };
      worker.postMessage("next");
    });
  let notifications = 0;
  let failed = 0;
  let orders = 0;
  try {
    let pending = next();
    for (;;) {
      const produced = await pending;
      if (!produced.done) pending = next(); // the worker makes the next chunk while this one is written
      const answers = receiveBatch(
        store,
        produced.batch.map((n) => ({
          delivery: { body: Buffer.from(n.body), size: n.body.length, contentType: FORM, query: "", secret: options.secret },
          receivedAt: new Date(n.at * 1000),
          reading: n.reading,
        })),
      );
      failed += answers.filter((a) => a.status !== 200).length;
      notifications += produced.batch.length;
      const before = orders;
      orders += produced.orders;
      if (Math.floor(orders / 50_000) > Math.floor(before / 50_000)) {
        options.log?.(`${orders} orders, ${notifications} notifications, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      if (produced.done) break;
    }
  } finally {
    await worker.terminate();
  }
  sqlite.pragma("optimize");
  sqlite.close();
  return { orders, notifications, failed, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const { values } = parseArgs({
    options: {
      orders: { type: "string", default: "10000" },
      days: { type: "string", default: "365" },
      seed: { type: "string", default: "1" },
      database: { type: "string" },
    },
  });
  const config = loadEnv();
  const url = values.database ?? config.databaseUrl;
  // the seed signs with the app's secret, so that the app could verify what it stored
  const secret = config.justclickSecret ?? "seed-secret";
  const result = await seed({ url, orders: Number(values.orders), days: Number(values.days), seed: Number(values.seed), secret, timeZone: config.timeZone, log: console.log });
  console.log(
    `Seeded ${result.orders} orders (${result.notifications} notifications, ${result.failed} refused) into ${url.slice(5)} in ${result.seconds.toFixed(1)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
