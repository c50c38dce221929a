import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { signedBody } from "../lib/justclick/encode";
import { formatMoney } from "../lib/money";

const rub = (minor: number) => formatMoney(minor, "RUB", "ru-RU");
const paidAt = String(Math.floor(Date.now() / 1000) - 3600); // an hour ago: this month, whatever today is
const STAFF = { email: "staff@example.com", password: "staff password 1" };

async function signIn(page: Page, who = { email: E2E.adminEmail, password: E2E.adminPassword }, to = "/partners") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(to);
}

test.describe.serial("partner fees and payouts", () => {
  test("the report shows each partner per level, with the orders behind a figure", async ({ page, request }) => {
    // two orders through the real hook: Алиса at level 1 on both items of the first, Борис only ever at level 2
    const order = (id: string, fee: string) =>
      signedBody(
        {
          id,
          email: `${id}@example.com`,
          paid: paidAt,
          last_payment_sum: "2000",
          items: ["1", "2"].map((n) => ({
            id: `course_${n}`,
            title: `Курс ${n}`,
            sum: "1000",
            partners: [
              { partner_lvl: "1", partner_id: "880001", partner_name: "Алиса", partner_fee: fee },
              { partner_lvl: "2", partner_id: "880002", partner_name: "Борис", partner_fee: "10" },
            ],
          })),
        },
        E2E.secret,
      );
    for (const [id, fee] of [["88000101", "300"], ["88000102", "150"]] as const) {
      const res = await request.post("/api/hooks", { data: order(id, fee), headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status()).toBe(200);
    }

    await signIn(page);
    await expect(page.getByTestId("880001-1-earned")).toHaveText(rub(90000));
    await expect(page.getByTestId("880001-1-due")).toHaveText(rub(90000));
    await expect(page.getByTestId("880002-2-earned")).toHaveText(rub(4000));
    await expect(page.getByTestId("partner-880002-1")).toHaveCount(0);

    await page.getByTestId("880001-1-earned").getByRole("link").click();
    await expect(page.getByTestId("partner-name")).toContainText("Алиса");
    await expect(page.getByTestId("fee-lines").locator("tbody tr")).toHaveCount(4);
    await expect(page.getByTestId("fee-lines")).toContainText("88000102");
  });

  test("the owner records a payout, and the fees it settles are no longer due", async ({ page }) => {
    await signIn(page, undefined, "/partners/880001");
    await expect(page.getByTestId("payout-preview")).toContainText(rub(90000));
    await page.getByLabel("Reference").fill("платёж 42");
    await page.getByRole("button", { name: "Record payout" }).click();
    await expect(page.getByTestId("payout-recorded")).toContainText("recorded");
    await expect(page.getByTestId("payouts")).toContainText("платёж 42");
    await expect(page.getByTestId("figure-due")).toContainText(rub(0));
    await expect(page.getByTestId("figure-paid")).toContainText(rub(90000));
  });

  test("downloads the payouts CSV that opens right in a spreadsheet", async ({ page }) => {
    await signIn(page);
    await page.getByLabel("Rows").selectOption("lines");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^partner-payouts_.+_lines\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(bytes, { bom: true, delimiter: ";", columns: true });
    const alice = rows.filter((r) => r["Partner ID"] === "880001");
    expect(alice.map((r) => [r.Login, r.Fee, r.Status])).toEqual([
      ["Алиса", "300,00", "paid"],
      ["Алиса", "300,00", "paid"],
      ["Алиса", "150,00", "paid"],
      ["Алиса", "150,00", "paid"],
    ]);
    await expect(page.getByTestId("export-progress")).toContainText("Done");
    await page.screenshot({ path: "e2e/.artifacts/partners.png", fullPage: true });
  });

  test("settings: the owner adds a staff member, who cannot change settings or undo payouts", async ({ page }) => {
    await signIn(page, undefined, "/settings");
    await page.getByLabel("Hold period, days").fill("7");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("settings-done")).toBeVisible();
    await page.getByLabel("New user's email").fill(STAFF.email);
    await page.getByLabel("New user's password").fill(STAFF.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByTestId("add-user-done")).toContainText(STAFF.email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, STAFF, "/partners/880001");
    await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
    await page.goto("/settings");
    await expect(page.getByText("Settings and users are for admins")).toBeVisible();
  });
});
