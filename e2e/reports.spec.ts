import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { signedBody } from "../lib/justclick/encode";
import { formatMoney } from "../lib/money";
import { fixedShopBodies } from "../lib/testing/fixed-shop";
import { dayOf } from "../lib/time";

// The report pages over the hand-checked shop of lib/testing/fixed-shop.ts (its figures are worked out in
// lib/reports/reports.test.ts), loaded through the real endpoint of a server of its own.
const rub = (minor: number) => formatMoney(minor, "RUB", "ru-RU");
const today = dayOf(new Date(), "Europe/Moscow");
const JUNE = "from=2024-06-01&to=2024-06-30";
const TODAY = `from=${today}&to=${today}`;
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/.artifacts/reports/${name}.png`, fullPage: true });

async function signIn(page: Page, to: string) {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(E2E.adminEmail);
  await page.getByLabel("Password").fill(E2E.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(to);
}

test.describe.serial("the report pages", () => {
  test("before any notification, a report says where to point JustClick", async ({ page }) => {
    await signIn(page, `/revenue?${JUNE}`);
    await expect(page.getByTestId("empty-state")).toContainText("No notifications yet");
    await expect(page.getByTestId("hook-url-paid")).toHaveText(/\/api\/hooks\?type=paid$/);
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(0));
  });

  test("revenue: June's figures, each linking to its orders, by week, and the 23:30 payment on its Moscow date", async ({ page, request }) => {
    for (const body of fixedShopBodies(E2E.secret)) {
      const res = await request.post("/api/hooks", { data: body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status()).toBe(200);
    }
    await signIn(page, `/revenue?${JUNE}&group=week`);
    await expect(page.getByTestId("period")).toHaveText("2024-06-01 – 2024-06-30, compared with 2024-05-02 – 2024-05-31");
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(450000));
    await expect(page.getByTestId("kpi-gross-previous")).toHaveText(`previous period ${rub(0)}(new)`);
    await expect(page.getByTestId("kpi-refunds")).toHaveText(rub(0));
    await expect(page.getByTestId("kpi-net")).toHaveText(rub(450000));
    await expect(page.getByTestId("kpi-orders-paid")).toHaveText("3");
    await expect(page.getByTestId("kpi-average")).toHaveText(rub(150000));
    await expect(page.getByTestId("kpi-cash")).toHaveText(rub(450000));
    await expect(page.getByTestId("kpi-discounts")).toHaveText(rub(20000));
    await expect(page.getByTestId("kpi-coupons")).toHaveText("1");
    await expect(page.getByTestId("product-course").locator("td")).toHaveText(["Курс course", "2", rub(200000), rub(20000), "0", rub(0)]);
    // a gross and a cash bar for each week with payments (3, 10 and 24 June); no refunds in June
    await expect(page.getByTestId("revenue-chart").locator(".recharts-bar-rectangle path")).toHaveCount(6);
    await expect(page.getByTestId("group-select")).toHaveValue("week");
    await shot(page, "revenue");

    // the figure leads to the orders behind it
    await page.getByTestId("kpi-coupons").getByRole("link").click();
    await expect(page).toHaveURL(/\/orders\?dated=payment&from=2024-06-01&to=2024-06-30&coupon=1/);
    await expect(page.getByTestId("orders-table").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("order-700101")).toBeVisible();

    // B paid at 23:30 Moscow time on 30 June (20:30 UTC): it is 30 June's revenue, not 1 July's
    await page.goto("/revenue?from=2024-06-30&to=2024-06-30&compare=0");
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(100000));
    await expect(page.getByTestId("kpi-gross-previous")).toHaveCount(0);
    await page.goto("/revenue?from=2024-07-01&to=2024-07-01");
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(0));
  });

  test("refunds: today's MoneyBack, its rate and the refunded order", async ({ page }) => {
    await signIn(page, `/refunds?${TODAY}`);
    await expect(page.getByTestId("kpi-refund-count")).toHaveText("1");
    await expect(page.getByTestId("kpi-refund-amount")).toHaveText(rub(200000));
    await expect(page.getByTestId("kpi-refund-rate")).toHaveText("0 %"); // no payments today to refund against
    await expect(page.getByTestId("refund-product-marathon").locator("td")).toHaveText(["Марафон marathon", "1", rub(200000), "0", "—"]);
    await expect(page.getByTestId("refunded-700104")).toContainText("Дарья");
    await shot(page, "refunds");
    await page.goto(`/refunds?${JUNE}`);
    await expect(page.getByTestId("empty-range")).toContainText("No refunds in this range");
  });

  test("prepayments: what is still owed, with JustClick's payment link", async ({ page }) => {
    await signIn(page, `/prepayments?${TODAY}`);
    await expect(page.getByTestId("kpi-received")).toHaveText(rub(30000));
    await expect(page.getByTestId("kpi-prepaid-orders")).toHaveText("1");
    await expect(page.getByTestId("kpi-prepaid-paid")).toHaveText("0");
    await expect(page.getByTestId("kpi-outstanding")).toHaveText(rub(270000));
    await expect(page.getByTestId("kpi-prepaid-cancelled")).toHaveText("0");
    await expect(page.getByTestId("outstanding-700103")).toContainText(rub(270000));
    await expect(page.getByTestId("payment-link-700103")).toHaveAttribute("href", "https://demoshop.justclick.ru/bill/?id=700103");
    await expect(page.getByTestId("prepayments-chart").locator(".recharts-bar-rectangle path")).toHaveCount(1);
    await shot(page, "prepayments");
  });

  test("UTM: June by source with (none), then drilled into vk's mediums", async ({ page }) => {
    await signIn(page, `/utm?${JUNE}`);
    await expect(page.getByTestId("which-tags")).toContainText("By the UTM tags on the order");
    await expect(page.getByTestId("utm-row-(none)").locator("td")).toHaveText(["(none)", "2", "1", "50 %", rub(200000), rub(0), rub(200000), rub(0), rub(200000)]);
    await expect(page.getByTestId("utm-row-yandex").locator("td")).toHaveText(["yandex", "0", "1", "—", rub(150000), rub(0), rub(150000), rub(10000), rub(140000)]);
    await expect(page.getByTestId("kpi-utm-created")).toHaveText("4");
    await expect(page.getByTestId("kpi-utm-after-fees")).toHaveText(rub(440000));
    await shot(page, "utm");

    await page.getByTestId("utm-row-vk").getByRole("link", { name: "vk" }).click();
    await expect(page).toHaveURL(/dimension=medium&utm_source=vk/);
    await expect(page.getByTestId("utm-drill")).toContainText("source: vk");
    await expect(page.getByTestId("utm-row-social").locator("td")).toHaveText(["social", "2", "1", "50 %", rub(100000), rub(0), rub(100000), rub(0), rub(100000)]);
    await page.getByTestId("utm-row-social").getByRole("link", { name: "2" }).click();
    await expect(page).toHaveURL(/\/orders\?dated=created&.*utm_source=vk&utm_medium=social/);
    await expect(page.getByTestId("orders-table").locator("tbody tr")).toHaveCount(2);
  });

  test("orders: search, the order's page and the timeline of what JustClick sent", async ({ page }) => {
    await signIn(page, `/orders?${JUNE}`);
    await expect(page.getByTestId("orders-table").locator("tbody tr")).toHaveCount(4);
    await page.getByLabel("Search").fill("Дарья");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("orders-table").locator("tbody tr")).toHaveCount(1);
    await shot(page, "orders");
    await page.getByTestId("order-700104").getByRole("link", { name: "700104" }).click();
    await expect(page).toHaveURL("/orders/700104");
    await expect(page.getByTestId("fact-total")).toHaveText(rub(200000));
    await expect(page.getByTestId("order-utm")).toContainText("utm_source(none)");
    const timeline = page.getByTestId("order-timeline").locator("li");
    await expect(timeline).toHaveCount(2);
    await timeline.nth(1).getByText("Raw notification").click();
    await expect(timeline.nth(1).getByTestId("raw-body")).toContainText("status=moneyback");
    await shot(page, "order");
  });

  test("notifications: the log by verdict, and a rejected delivery re-applied", async ({ page, request }) => {
    // a payment signed with another key: rejected, kept
    const forged = signedBody({ id: "700106", email: "f@example.com", paid: String(Math.floor(Date.now() / 1000)), last_payment_sum: "10", items: [{ id: "x", title: "<b>x</b>", sum: "10" }] }, "not-the-key");
    expect((await request.post("/api/hooks", { data: forged, headers: { "content-type": "application/x-www-form-urlencoded" } })).status()).toBe(403);
    await signIn(page, `/notifications?${TODAY}`);
    await expect(page.getByTestId("verdict-applied")).toHaveText("applied 8");
    await expect(page.getByTestId("verdict-rejected")).toHaveText("rejected 1");
    await page.getByTestId("verdict-rejected").click();
    await expect(page.getByTestId("notifications-log").locator("tbody tr")).toHaveCount(1);
    await shot(page, "notifications");
    await page.getByTestId("reapply-rejected").click();
    // still signed with the wrong key: checked again, refused again, nothing applied
    await expect(page.getByTestId("reapply-result")).toHaveText(/^Notification #9: still not applied \(rejected\): Forbidden: hash does not match/);
    await expect(page.getByTestId("verdict-applied")).toHaveText("applied 8");

    // what JustClick sent is shown as text: markup in a field is not markup on the page
    await page.getByTestId("log-9").getByRole("link", { name: "9" }).click();
    await expect(page.getByTestId("decoded-body")).toContainText('"title": "<b>x</b>"');
    await expect(page.getByTestId("decoded-body").locator("b")).toHaveCount(0);
  });

  test("a range, grouping or filter a page cannot read is said plainly, with the form to fix it", async ({ page }) => {
    await signIn(page, "/revenue?from=2024-13-01&to=2024-12-31");
    await expect(page.getByTestId("range-error")).toHaveText('from: "2024-13-01" is not a real date written YYYY-MM-DD');
    await page.goto(`/utm?${JUNE}&dimension=referrer`);
    await expect(page.getByTestId("range-error")).toHaveText('dimension: "referrer" is not one of source, medium, campaign, content, term');
    await page.goto("/orders?status=SHIPPED");
    await expect(page.getByTestId("filter-error")).toContainText("status.0: must be among");
    // (the dashboard streams behind its loading state, so these are said on the page rather than by a 404 status)
    for (const path of ["/orders/not-an-order", "/orders/123456789", "/notifications/99999999999"]) {
      await page.goto(path);
      await expect(page.getByTestId("not-found")).toContainText("There is no such order, notification or page here.");
    }
  });

  test("a report is readable on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, `/revenue?${JUNE}`);
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(450000));
    // tables scroll inside their cards; the page itself does not scroll sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, "revenue-phone");
  });
});
