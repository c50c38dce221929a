/**
 * Sends JustClick notifications to a running app, through its real /api/hooks endpoint.
 *
 *   npm run send -- --demo [--orders 60] [--days 35] [--seed 1]   realistic generated notifications of all five
 *                                                                  types, signed with JUSTCLICK_SECRET_KEY
 *   npm run send -- FILE_OR_DIR ...                                raw bodies: each non-comment line of a file
 *                                                                  (the bundled samples' format works as is)
 *   --url http://127.0.0.1:3000/api/hooks                          where to send (default: this app on PORT)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fakeShop } from "./lib/fake-shop";
import { dayOf } from "../lib/time";
import { loadEnv } from "./env";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    demo: { type: "boolean", default: false },
    orders: { type: "string", default: "60" },
    days: { type: "string", default: "35" },
    seed: { type: "string", default: "1" },
    url: { type: "string" },
  },
});

/** Raw bodies from files (one per line, "#" lines skipped) and the secrets sample files say they are signed with. */
function bodiesFrom(target: string, secrets: Set<string>): { label: string; body: string }[] {
  const stat = fs.statSync(target);
  if (stat.isDirectory()) return fs.readdirSync(target).filter((f) => f.endsWith(".txt")).sort().flatMap((f) => bodiesFrom(path.join(target, f), secrets));
  const lines = fs.readFileSync(target, "utf8").split(/\r?\n/);
  for (const line of lines) {
    const m = /^# secret: (.+)$/.exec(line.trim());
    if (m) secrets.add(m[1]!);
  }
  return lines.filter((line) => line.trim() !== "" && !line.startsWith("#")).map((body) => ({ label: path.basename(target), body: body.trim() }));
}

async function main() {
  const config = loadEnv();
  const url = args.url ?? `http://127.0.0.1:${config.port}/api/hooks`;
  let bodies: { label: string; body: string }[];
  if (args.demo) {
    if (!config.justclickSecret) {
      console.error("Set JUSTCLICK_SECRET_KEY (in .env or the environment) to the same value the app uses: the demo signs with it.");
      process.exit(1);
    }
    // Demo order ids start above JustClick's usual 8 digits so they never collide with real invoices.
    bodies = fakeShop({ orders: Number(args.orders), days: Number(args.days), seed: Number(args.seed), secret: config.justclickSecret, firstOrderId: 900000000 + Number(args.seed) * 10000 }).map((n) => ({ label: `${n.kind} ${n.orderId}`, body: n.body }));
  } else if (positionals.length) {
    const secrets = new Set<string>();
    bodies = positionals.flatMap((p) => bodiesFrom(p, secrets));
    for (const secret of secrets) {
      if (secret !== config.justclickSecret) {
        console.warn(`Note: these samples are signed with the secret "${secret}"; unless the app runs with JUSTCLICK_SECRET_KEY=${secret}, they will be refused (403).`);
      }
    }
  } else {
    console.error("usage: npm run send -- --demo [--orders N]   or   npm run send -- FILE_OR_DIR ...");
    process.exit(2);
  }

  const counts = new Map<string, number>();
  for (const { label, body } of bodies) {
    let status: string;
    try {
      const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      const text = (await res.text()).trim();
      status = `${res.status}`;
      if (res.status !== 200) console.log(`${label}: ${res.status} ${text}`);
    } catch (e) {
      console.error(`Could not reach ${url}: is the app running (npm start)? ${(e as Error).message}`);
      process.exit(1);
    }
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  console.log(`Sent ${bodies.length} notifications to ${url}: ${[...counts].map(([s, n]) => `${n} × ${s}`).join(", ")}`);
  if (args.demo) {
    const today = dayOf(new Date(), config.timeZone);
    const from = dayOf(new Date(Date.now() - Number(args.days) * 86_400_000), config.timeZone);
    console.log(`The demo's orders span ${args.days} days: ${new URL(`/?from=${from}&to=${today}`, url).href}`);
    console.log("(prepayments, cancellations and refunds are dated when they arrive, so they all land today)");
  }
}

main();
