/**
 * A small shop whose every report figure is worked out by hand (lib/reports/reports.test.ts says how),
 * as the signed bodies JustClick would send, in arrival order. The report tests post them to the hook
 * handler, the browser tests to a running app; both then check the same figures.
 *
 * June 2024, Moscow time: A paid 3 June with a coupon and a partner (yandex / cpc / brand, invoice
 * created in May); B paid 30 June at 23:30 (vk / social); C invoiced 10 June, prepaid today, not paid;
 * D without UTM, paid 15 June, refunded today; E cancelled today.
 */
import { signedBody } from "../justclick/encode";

/** Unix seconds of a Moscow wall-clock time (UTC+3 all year). */
export const msk = (y: number, m: number, d: number, h = 12, min = 0) => String(Date.UTC(y, m - 1, d, h - 3, min) / 1000);

export function fixedShopBodies(secret: string): string[] {
  const course = { id: "course", title: "Курс", sum: "1000", price: "1200" };
  const ebook = { id: "ebook", title: "Книга", sum: "500", price: "500" };
  const a = { id: "700101", email: "a@example.com", first_name: "Анна", created: msk(2024, 5, 30), kupon: "SALE", utm: { source: "yandex", medium: "cpc", campaign: "brand" } };
  const c = { id: "700103", email: "c@example.com", first_name: "Сергей", created: msk(2024, 6, 10), link: "/bill/?id=700103", domain: "demoshop.justclick.ru", utm: { source: "vk", medium: "social" } };
  const mentoring = { id: "mentoring", title: "Наставничество", sum: "3000", price: "3000" };
  const d = { id: "700104", email: "d@example.com", first_name: "Дарья", created: msk(2024, 6, 12), items: [{ id: "marathon", title: "Марафон", sum: "2000", price: "2000" }] };
  const fields: (Record<string, unknown> & { id: string; email: string })[] = [
    { ...a, status: "new_order", items: [course, ebook] },
    { ...a, paid: msk(2024, 6, 3, 10), last_payment_sum: "1500", items: [{ ...course, partners: [{ partner_lvl: "1", partner_id: "1", partner_name: "p1", partner_fee: "100" }] }, ebook] },
    { id: "700102", email: "b@example.com", first_name: "Борис", created: msk(2024, 6, 5), paid: msk(2024, 6, 30, 23, 30), last_payment_sum: "1000", utm: { source: "vk", medium: "social" }, items: [{ ...course, price: "1000" }] },
    { ...c, status: "new_order", items: [mentoring] },
    { ...c, prepayment_sum: "300", items: [mentoring] },
    { ...d, paid: msk(2024, 6, 15), last_payment_sum: "2000" },
    { ...d, status: "moneyback" },
    { id: "700105", email: "e@example.com", first_name: "Егор", created: msk(2024, 6, 20), status: "cancel_order", items: [course] },
  ];
  return fields.map((f) => signedBody(f, secret));
}
