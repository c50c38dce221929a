import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { formatMoney } from "../lib/money";
import { loadSamples } from "../lib/testing/samples";
import { dayOf } from "../lib/time";

const rub = (minor: number) => formatMoney(minor, "RUB", "ru-RU");
const today = dayOf(new Date(), "Europe/Moscow");
const range = `/?from=2024-06-01&to=${today}`;

async function signIn(page: Page, password = E2E.adminPassword) {
  await page.getByLabel("Email").fill(E2E.adminEmail);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe.serial("a shop owner", () => {
  test("is sent to the login page and back to where they were going", async ({ page }) => {
    await page.goto(range);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);

    await signIn(page, "wrong password");
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");

    await signIn(page);
    await expect(page).toHaveURL(range);
    await expect(page.getByTestId("user-email")).toHaveText(E2E.adminEmail);
    // nothing received yet: the page says which URLs to paste into JustClick
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await expect(page.getByTestId("hook-url-paid")).toHaveText(/\/api\/hooks\?type=paid$/);
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(0));
  });

  test("sends the sample notifications and sees the overview's numbers and chart", async ({ page, request }) => {
    for (const sample of Object.values(loadSamples())) {
      const res = await request.post("/api/hooks", { data: sample.body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect([200, 403]).toContain(res.status());
    }
    await page.goto("/login?callbackUrl=" + encodeURIComponent(range));
    await signIn(page);
    await expect(page).toHaveURL(range);

    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(5224200));
    await expect(page.getByTestId("kpi-refunds")).toHaveText(rub(239200));
    await expect(page.getByTestId("kpi-net")).toHaveText(rub(4985000));
    await expect(page.getByTestId("kpi-prepayments")).toHaveText(rub(1500000));
    await expect(page.getByTestId("kpi-partner-fees")).toHaveText(rub(571400));
    for (const [key, n] of [["created", 7], ["prepaid", 1], ["paid", 6], ["refunded", 1], ["cancelled", 1]] as const) {
      await expect(page.getByTestId(`orders-${key}`)).toHaveText(String(n));
    }
    await expect(page.getByTestId("empty-state")).toHaveCount(0);

    // a bar for each Moscow day with money: 10 June (four payments, one at 23:16), 11 and 15 June,
    // the rebill on 11 July 2024, and today's refund
    const chart = page.getByTestId("revenue-chart");
    await expect(chart.locator(".recharts-bar-rectangle path")).toHaveCount(5);
    await expect(chart).toContainText("Gross revenue");

    const log = page.getByTestId("latest-notifications");
    await expect(log).toContainText("rejected");
    await expect(log).toContainText("hash does not match");
    await expect(log).toContainText("duplicate");
    await page.screenshot({ path: "e2e/.artifacts/overview.png", fullPage: true });

    // each count leads to the orders behind it
    await page.getByTestId("orders-paid").getByRole("link").click();
    await expect(page).toHaveURL(/\/orders\?dated=paid&from=2024-06-01/);
    await expect(page.getByTestId("orders-table").locator("tbody tr")).toHaveCount(6);
  });

  test("changes the range with the form", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2F");
    await signIn(page);
    await page.getByLabel("From").fill("2024-07-01");
    await page.getByLabel("To").fill("2024-07-31");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/from=2024-07-01&to=2024-07-31/);
    // July 2024 holds only the subscription's rebill: revenue, but no newly paid order
    await expect(page.getByTestId("kpi-gross")).toHaveText(rub(149000));
    await expect(page.getByTestId("orders-paid")).toHaveText("0");
  });
});
