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
import { fakeOrders } from "./lib/fake-shop";
import { loadEnv } from "./env";

const FORM = "application/x-www-form-urlencoded";

export async function seed(options: { url: string; orders: number; days: number; seed: number; secret: string; now?: number; log?: (line: string) => void }) {
  await migrateDatabase(options.url);
  const sqlite = openWriteConnection(options.url);
  const store = ingestStore(sqlite);
  const started = performance.now();
  let batch: Parameters<typeof receiveBatch>[1] = [];
  let notifications = 0;
  let failed = 0;
  let orders = 0;
  const flush = () => {
    for (const answer of receiveBatch(store, batch)) if (answer.status !== 200) failed++;
    notifications += batch.length;
    batch = [];
  };
  for (const order of fakeOrders({ ...options, firstOrderId: 10_000_000 })) {
    for (const n of order) {
      batch.push({ delivery: { body: Buffer.from(n.body), size: n.body.length, contentType: FORM, query: "", secret: options.secret }, receivedAt: new Date(n.at * 1000) });
    }
    if (++orders % 2000 === 0) {
      flush();
      if (orders % 50_000 === 0) options.log?.(`${orders} orders, ${notifications} notifications, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  flush();
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
  const result = await seed({ url, orders: Number(values.orders), days: Number(values.days), seed: Number(values.seed), secret, log: console.log });
  console.log(
    `Seeded ${result.orders} orders (${result.notifications} notifications, ${result.failed} refused) into ${url.slice(5)} in ${result.seconds.toFixed(1)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
