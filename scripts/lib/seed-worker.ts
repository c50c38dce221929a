/**
 * The seed's producer thread: generates the next orders' notifications and reads them (PHP parsing,
 * signature, validation: lib/justclick, as the hook does), so the main thread only writes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readNotificationBody } from "../../lib/justclick/read";
import { fakeOrders, type ShopOptions } from "./fake-shop";

const { options, chunk } = workerData as { options: ShopOptions; chunk: number };
const orders = fakeOrders(options);
const noHint = new URLSearchParams();

parentPort!.on("message", () => {
  const batch = [];
  let count = 0;
  for (; count < chunk; count++) {
    const next = orders.next();
    if (next.done) break;
    for (const n of next.value) {
      batch.push({ body: n.body, at: n.at, reading: readNotificationBody(Buffer.from(n.body), "utf-8", noHint, options.secret) });
    }
  }
  parentPort!.postMessage({ batch, orders: count, done: count < chunk });
});
