/**
 * Realistic JustClick notifications for a made-up online school: Cyrillic customers, several items,
 * coupons, two-level partners, UTM tags with a long tail, prepayments, refunds and cancellations,
 * spread over recent weeks. Deterministic for a given seed. Used by `npm run send -- --demo` and the
 * hook benchmark; the bodies are signed exactly as JustClick signs them.
 */
import { signedBody } from "../../lib/justclick/encode";

const PRODUCTS = [
  { id: "kurs_start", title: "Курс «Старт»", price: 990 },
  { id: "kurs_pro", title: "Курс PRO", price: 9990 },
  { id: "marafon", title: "Марафон 21 день", price: 4990 },
  { id: "mentoring", title: "Наставничество 3 месяца", price: 30000 },
  { id: "ebook", title: "Электронная книга", price: 2990 },
  { id: "club_month", title: "Клуб: подписка на месяц", price: 1490 },
  { id: "bonus_workbook", title: "Рабочая тетрадь", price: 500 },
  { id: "webinar_rec", title: "Запись вебинара «Продажи & маркетинг»", price: 1990 },
];
const FIRST = ["Анна", "Иван", "Ольга", "Сергей", "Елена", "Дмитрий", "Мария", "Алексей", "Наталья", "Павел", "Юлия", "Артём"];
const LAST = ["Иванова", "Петров", "Смирнова", "Кузнецов", "Попова", "Васильев", "Соколова", "Михайлов", "Новикова", "Фёдоров"];
const CITIES = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Краснодар", ""];
const SOURCES = [
  { source: "yandex", medium: "cpc", weight: 30, campaigns: ["brand", "june_sale", "retarget", "lookalike"] },
  { source: "vk", medium: "social", weight: 20, campaigns: ["target_lookalike", "stories", "clips"] },
  { source: "telegram", medium: "post", weight: 15, campaigns: ["channel_partner", "bot_funnel"] },
  { source: "newsletter", medium: "email", weight: 12, campaigns: ["autofunnel_day3", "autofunnel_day7", "digest"] },
  { source: "youtube", medium: "video", weight: 8, campaigns: ["review", "webinar_invite"] },
  { source: "google", medium: "organic", weight: 5, campaigns: [] },
  { source: "partner", medium: "affiliate", weight: 5, campaigns: [] },
  { source: "dzen", medium: "article", weight: 3, campaigns: [] },
  { source: "ok", medium: "social", weight: 2, campaigns: [] },
];
const SOURCE_WEIGHT = SOURCES.reduce((s, x) => s + x.weight, 0);

/** UTM tags with a long tail: a few big sources, many small campaigns (promo_1 … promo_400). */
function fakeUtm(r: Rng) {
  if (r.chance(0.3)) return undefined;
  let w = r.int(1, SOURCE_WEIGHT);
  const src = SOURCES.find((x) => (w -= x.weight) <= 0)!;
  const campaign = src.campaigns.length && r.chance(0.7) ? r.pick(src.campaigns) : `promo_${Math.ceil(400 * r.next() ** 3)}`;
  return {
    source: src.source,
    medium: src.medium,
    campaign,
    content: r.chance(0.4) ? `ad_${r.int(1, 30)}` : undefined,
    term: src.medium === "cpc" && r.chance(0.5) ? r.pick(["онлайн курс", "курс продаж", "обучение маркетингу", "марафон"]) : undefined,
  };
}

const PARTNERS = [
  [{ id: "210001", name: "partner_alpha", rate: 30 }],
  [{ id: "210002", name: "partner_beta", rate: 30 }],
  [{ id: "100136", name: "mike_black", rate: 35 }, { id: "100137", name: "john_brown", rate: 5 }],
];

/** A small deterministic PRNG (mulberry32), so a seed always gives the same shop. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

type Rng = ReturnType<typeof rng>;

export interface FakeNotification {
  kind: "created" | "prepaid" | "paid" | "moneyback" | "cancel";
  orderId: string;
  body: string;
  /** When JustClick would have sent it (Unix seconds): for loading history with its arrival times. */
  at: number;
}

/** Rubles (whole or with kopecks) as JustClick writes them: "990" or "1499.50". */
const rub = (kopecks: number) => (kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2));

/** The notifications of one order, in the order JustClick would send them. */
export function fakeOrder(r: Rng, orderId: string, createdAt: number, now: number, secret: string): FakeNotification[] {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const utm = fakeUtm(r);
  const partners = r.chance(0.35) ? r.pick(PARTNERS) : [];
  const coupon = r.chance(0.2) ? "SALE20" : "";
  // 1 to 5 products, mostly one or two
  const count = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5][r.int(0, 19)]!;
  const pool = [...PRODUCTS];
  const products = Array.from({ length: count }, () => pool.splice(r.int(0, pool.length - 1), 1)[0]!);
  const sums: number[] = [];
  const items = products.map((p) => {
    const price = p.price * 100;
    const sum = coupon ? Math.round((price * 80) / 100) : price;
    sums.push(sum);
    return {
      id: p.id,
      title: p.title,
      sum: rub(sum),
      price: rub(price),
      partners: partners.map((pt, i) => ({ partner_lvl: String(i + 1), partner_id: pt.id, partner_name: pt.name, partner_fee: rub(Math.round((sum * pt.rate) / 100)) })),
    };
  });
  const plainItems = items.map(({ partners: _, ...i }) => i);
  const total = sums.reduce((a, b) => a + b, 0);
  const base = {
    id: orderId,
    first_name: first,
    last_name: last,
    middle_name: r.chance(0.3) ? null : "",
    email: `${orderId}.${r.pick(["mail", "client", "student"])}@example.ru`,
    phone: `+7 (9${r.int(10, 99)}) ${r.int(100, 999)}-${r.int(10, 99)}-${r.int(10, 99)}`,
    city: r.pick(CITIES),
    country: "Россия",
    created: String(createdAt),
    tag: utm?.source === "telegram" ? "telegram_funnel" : "",
    kupon: coupon,
    domain: "school-example.ru",
    is_recurrent: products.some((p) => p.id === "club_month") ? "1" : "0",
    utm,
  };
  const link = `https://school-example.ru/bill/?id=${orderId}&crc=${orderId.slice(-4)}abcd`;
  const out: FakeNotification[] = [];
  const push = (kind: FakeNotification["kind"], at: number, fields: Record<string, unknown>) =>
    out.push({ kind, orderId, at: Math.min(Math.round(at), now), body: signedBody({ ...base, ...fields } as Parameters<typeof signedBody>[0], secret) });

  push("created", createdAt, { status: "new_order", address: "", comment: r.chance(0.1) ? "Позвоните после 18:00, пожалуйста" : "", link, items: plainItems });
  const fate = r.next();
  const paidAt = Math.min(now - 60, createdAt + r.int(300, 3 * 86400));
  if (fate < 0.62) {
    let paidSoFar = 0;
    if (total >= 1000000 && r.chance(0.5)) {
      // larger orders are often paid in instalments
      const part = Math.round(total / 3 / 100) * 100;
      const instalments = r.int(1, 2);
      for (let i = 0; i < instalments; i++) {
        push("prepaid", createdAt + ((paidAt - createdAt) * (i + 1)) / (instalments + 1), { prepayment_sum: rub(part), link, items });
        paidSoFar += part;
      }
    }
    push("paid", paidAt, { paid: String(paidAt), last_payment_sum: rub(total - paidSoFar), comment: "", payway: r.pick(["JustClick", "JustClick", "RussianPostService", "Admin"]), type: "", items: items.map((i) => ({ ...i, pincode: r.chance(0.3) ? `PIN-${orderId.slice(-4)}` : "" })) });
    if (r.chance(0.08)) push("moneyback", paidAt + r.int(3600, 14 * 86400), { status: "moneyback", comment: "Возврат по заявлению", items: plainItems });
  } else if (fate < 0.72) {
    const prepaidAt = createdAt + r.int(600, 2 * 86400);
    push("prepaid", prepaidAt, { prepayment_sum: rub(Math.round(total / 2 / 100) * 100), link, items });
    if (r.chance(0.3)) push("cancel", prepaidAt + r.int(86400, 10 * 86400), { status: "cancel_order", items: plainItems });
  } else if (fate < 0.85) {
    push("cancel", createdAt + r.int(86400, 7 * 86400), { status: "cancel_order", comment: "", items: plainItems });
  }
  return out;
}

export interface ShopOptions {
  orders: number;
  days: number;
  seed: number;
  secret: string;
  firstOrderId?: number;
  now?: number;
}

/** A shop's worth of orders created over the last `days` days, ending now, one order's notifications at a time. */
export function* fakeOrders(options: ShopOptions): Generator<FakeNotification[]> {
  const r = rng(options.seed);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const start = now - options.days * 86400;
  const firstId = options.firstOrderId ?? 50000000;
  for (let i = 0; i < options.orders; i++) {
    yield fakeOrder(r, String(firstId + i), r.int(start, now - 600), now, options.secret);
  }
}

/** All of a shop's notifications at once (small shops: the demo, tests). */
export function fakeShop(options: ShopOptions): FakeNotification[] {
  return [...fakeOrders(options)].flat();
}
