/**
 * How long each report takes at scale. Seeds shops of 100,000 and 1,000,000 orders over the past year
 * (scripts/seed.ts: through the hook's code), then runs every report and the orders list against each,
 * for a one-year range, and prints the median of several runs of the same functions the pages and JSON
 * endpoints call (the server's time to produce the figures, without HTTP and rendering).
 *
 *   npm run bench:reports [-- --orders 100000,1000000 --runs 5 --keep]
 * --keep leaves the seeded databases in ./data/bench-<orders>.db and reuses them on the next run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../lib/migrations/migrate";
import { seed } from "./seed";

const { values: args } = parseArgs({
  options: { orders: { type: "string", default: "100000,1000000" }, runs: { type: "string", default: "5" }, keep: { type: "boolean", default: false } },
});
const TZ = "Europe/Moscow";
const runs = Number(args.runs);

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the page cache and the prepared statements once
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function benchmark(orders: number) {
  const file = args.keep ? path.resolve(`data/bench-${orders}.db`) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jc-bench-reports-")), "bench.db");
  const now = Math.floor(Date.UTC(2026, 11, 1) / 1000); // a fixed "today", so --keep'd databases stay comparable
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const r = await seed({ url: `file:${file}`, orders, days: 365, seed: 42, secret: "bench-secret", timeZone: TZ, now, log: (l) => console.log(`  ${l}`) });
    console.log(`Seeded ${r.orders} orders (${r.notifications} notifications) in ${(r.seconds / 60).toFixed(1)} min; ${(fs.statSync(file).size / 1e9).toFixed(2)} GB`);
  }
  // a kept database from an earlier version of the app: its migrations first (day totals rebuild on open)
  await migrateDatabase(`file:${file}`);
  // the report modules read DATABASE_URL when they first open the database
  Object.assign(process.env, { DATABASE_URL: `file:${file}`, SHOP_TIMEZONE: TZ, DATA_DIR: path.dirname(file) });
  const { dayOf } = await import("../lib/time");
  const to = dayOf(new Date(now * 1000), TZ);
  const from = dayOf(new Date((now - 364 * 86400) * 1000), TZ);
  const range = { from, to };
  const period = { range, previous: { from: dayOf(new Date((now - 729 * 86400) * 1000), TZ), to: dayOf(new Date((now - 365 * 86400) * 1000), TZ) }, grouping: "month" as const };
  const shop = { timeZone: TZ, currency: "RUB" };
  const { getSummary, getRevenueByDay } = await import("../lib/reports/summary");
  const { getRevenueReport } = await import("../lib/reports/revenue");
  const { getRefundReport } = await import("../lib/reports/refunds");
  const { getPrepaymentReport } = await import("../lib/reports/prepayments");
  const { getUtmReport } = await import("../lib/reports/utm");
  const { listOrders, cursorOfOrder } = await import("../lib/reports/orders");
  const { listNotifications } = await import("../lib/reports/notifications");
  const { getPartnerReport } = await import("../lib/partners/report");

  const all = { dated: "created" as const, range };
  let deep: Awaited<ReturnType<typeof listOrders>> = [];
  const cases: [string, () => Promise<unknown>][] = [
    ["overview (summary + revenue by day)", () => Promise.all([getSummary(range, shop), getRevenueByDay(range)])],
    ["revenue (by month, products, vs previous year)", () => getRevenueReport(period, shop)],
    ["refunds", () => getRefundReport(period, shop)],
    ["prepayments", () => getPrepaymentReport(period, shop)],
    ["UTM by source", () => getUtmReport(period, shop, { dimension: "source", filter: {} })],
    ["UTM yandex → by campaign", () => getUtmReport(period, shop, { dimension: "campaign", filter: { source: "yandex", medium: "cpc" } })],
    ["UTM by campaign, all sources", () => getUtmReport(period, shop, { dimension: "campaign", filter: {} })],
    ["UTM by content", () => getUtmReport(period, shop, { dimension: "content", filter: {} })],
    ["UTM yandex, by term", () => getUtmReport(period, shop, { dimension: "term", filter: { source: "yandex" } })],
    ["partners", () => getPartnerReport({ range, timeZone: TZ, holdDays: 0, now: new Date(now * 1000) })],
    ["orders list, first page of 50", () => listOrders(all, TZ, { limit: 50 })],
    [
      "orders list, page 200",
      async () => {
        let after;
        for (let p = 0; p < 200; p++) {
          deep = await listOrders(all, TZ, { after, limit: 50 });
          after = cursorOfOrder(deep.at(-1)!);
        }
      },
    ],
    ["orders: paid, utm_source=vk", () => listOrders({ dated: "paid", range, utm: { source: "vk" }, status: ["PAID"] }, TZ, { limit: 50 })],
    ["orders: product webinar_rec", () => listOrders({ ...all, product: "webinar_rec" }, TZ, { limit: 50 })],
    ["orders: search 'иванова'", () => listOrders({ ...all, q: "иванова" }, TZ, { limit: 50 })],
    ["notifications log, first page", () => listNotifications({ range }, TZ, { limit: 50 })],
  ];
  console.log(`\n${orders.toLocaleString("en")} orders, one-year range ${from} – ${to}, median of ${runs} runs:`);
  for (const [name, fn] of cases) {
    const ms = await timeIt(fn);
    // "page 200" walks 200 pages: report one page's share
    const shown = name === "orders list, page 200" ? ms / 200 : ms;
    console.log(`  ${name.padEnd(48)} ${shown.toFixed(1).padStart(8)} ms${name === "orders list, page 200" ? " per page" : ""}`);
  }
  if (!args.keep) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

async function main() {
  for (const n of args.orders.split(",").map(Number)) {
    // each size in its own process: the report modules hold one database connection per process
    if (args.orders.includes(",")) {
      const { spawnSync } = await import("node:child_process");
      const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--orders", String(n), "--runs", String(runs), ...(args.keep ? ["--keep"] : [])], { stdio: "inherit" });
      if (r.status !== 0) process.exit(r.status ?? 1);
    } else {
      await benchmark(n);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
