import Database from "better-sqlite3";
const db = new Database(process.env.DB ?? "/tmp/s100k.db", { readonly: true });
db.pragma("cache_size = -65536");
const s = Date.UTC(2025, 11, 3, 21), e = Date.UTC(2026, 11, 3, 21);
const qs: Record<string, string> = {
  events: `SELECT SUM(CASE WHEN kind = 'PAID' THEN orderTotal END), COUNT(CASE WHEN kind='PAID' THEN 1 END), SUM(CASE WHEN kind='PAID' THEN amount END), SUM(CASE WHEN kind='PREPAID' THEN amount END), SUM(CASE WHEN kind='MONEYBACK' THEN orderTotal END) FROM "OrderEvent" WHERE kind IN ('PAID','PREPAID','MONEYBACK') AND occurredAt >= ${s} AND occurredAt < ${e}`,
  ordersPaid: `SELECT COUNT(*) FROM "Order" WHERE paidAt >= ${s} AND paidAt < ${e}`,
  discounts: `SELECT SUM(price - sum) FROM "SoldItem" WHERE kind = 'PAID' AND occurredAt >= ${s} AND occurredAt < ${e} AND price > sum`,
  coupons: `SELECT COUNT(*), SUM(orderTotal) FROM "OrderEvent" WHERE kind = 'PAID' AND occurredAt >= ${s} AND occurredAt < ${e} AND coupon <> ''`,
  products: `SELECT productId, MAX(title), COUNT(CASE WHEN kind='PAID' THEN 1 END), SUM(CASE WHEN kind='PAID' THEN sum END) FROM "SoldItem" WHERE kind IN ('PAID','MONEYBACK') AND occurredAt >= ${s} AND occurredAt < ${e} GROUP BY productId`,
};
for (const [name, sql] of Object.entries(qs)) {
  const plan = db.prepare("EXPLAIN QUERY PLAN " + sql).all().map((r: any) => r.detail).join(" | ");
  const st = db.prepare(sql);
  st.all();
  const t = performance.now(); for (let i = 0; i < 3; i++) st.all();
  console.log(name.padEnd(12), ((performance.now() - t) / 3).toFixed(1), "ms  ", plan);
}
