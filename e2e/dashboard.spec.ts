// The dashboard: the demo owner lands on it and sees the seeded history as figures and a chart; a
// figure, a bar of the chart and a top campaign open the messages behind them, filtered; Show all
// clears that.
import { expect, test } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo";

test("the demo org's dashboard shows its history and drills down to the messages behind a figure and a bar", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_LOGIN.email);
  await page.getByLabel("Password").fill(DEMO_LOGIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Messages sent, delivered, failed and received per day" })).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();

  // 90 days: the seed's whole history, in the URL.
  await page.getByRole("button", { name: "90 days" }).click();
  await expect(page).toHaveURL(/\?days=90$/);
  const sent = page.getByRole("link", { name: /^Sent \d/ });
  const figure = (await sent.locator("p").nth(1).textContent())!;
  expect(Number(figure.replace(/,/g, ""))).toBeGreaterThan(0);

  await sent.click();
  await expect(page).toHaveURL(/\/messages\?statuses=SENT%2CDELIVERED%2CUNDELIVERED%2CFAILED&direction=OUTBOUND&fromDay=/);
  await expect(page.getByTestId("linked-filters")).toContainText("Sent or Delivered or Undelivered or Failed · Outbound");
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Received" })).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard\?days=90$/);
  // A failure bar opens that day's failed messages.
  await page.locator(".recharts-bar-rectangle path[fill='#ef4444']").first().click();
  await expect(page).toHaveURL(/\/messages\?statuses=UNDELIVERED%2CFAILED&fromDay=(\d{4}-\d\d-\d\d)&toDay=\1/);
  await expect(page.getByRole("row").nth(1)).toContainText(/Failed|Undelivered/);

  await page.getByRole("link", { name: "Show all" }).click();
  await expect(page.getByTestId("linked-filters")).toHaveCount(0);

  // The seed's marketing texts are campaigns: the top one's sent count opens its messages.
  await page.goto("/dashboard?days=90");
  const top = page.locator("section", { has: page.getByRole("heading", { name: "Top campaigns" }) }).getByRole("row").nth(1);
  const name = (await top.getByRole("cell").first().textContent())!;
  await top.getByRole("link", { name: new RegExp(`^[\\d,]+ sent by `) }).click();
  await expect(page).toHaveURL(/campaignId=cmp_/);
  await expect(page.getByTestId("linked-filters")).toContainText(`“${name}”`);
  await expect(page.getByRole("row").nth(1)).toContainText("Demo Coffee Co.:");
});
