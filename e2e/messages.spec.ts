import { expect, test } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo";
import { signInAsDemo } from "./sign-in-as-demo";
import { simulatorAlwaysDelivers } from "./simulator-outcomes";

// The test waits for "Delivered": without this, the simulator's ~3% undelivered/failed draw fails it now and then.
let restoreSimulator: () => Promise<void>;
test.beforeAll(async () => {
  restoreSimulator = await simulatorAlwaysDelivers();
});
test.afterAll(async () => {
  await restoreSimulator?.();
});

test("the demo owner sends a smart-encoded text and watches it get delivered", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_LOGIN.email);
  await page.getByLabel("Password").fill(DEMO_LOGIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("link", { name: "Messages", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Messages", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New message" }).click();
  const form = page.getByRole("form", { name: "New message" });

  // The From choice is the demo org's simulator number.
  await expect(form.getByLabel("From", { exact: true })).toHaveValue(/^snd_/);
  await form.getByLabel("To", { exact: true }).fill("(415) 555-0188");

  // One curly apostrophe makes the whole text UCS-2; smart encoding makes it GSM-7 again.
  await form.getByLabel("Message", { exact: true }).fill("We’re open late tonight!");
  const encoding = form.getByTestId("compose-encoding");
  await expect(encoding).toHaveText("UCS-2");
  await expect(form.getByTestId("compose-ucs2-characters")).toContainText("’");
  await expect(form.getByTestId("compose-chars-left")).toHaveText("46 characters left");
  await expect(form.getByTestId("smart-encoding-detail")).toContainText("1 character would be replaced:");
  const composeShot = testInfo.outputPath("compose-box-ucs2.png");
  await form.screenshot({ path: composeShot });
  await testInfo.attach("compose box, UCS-2", { path: composeShot, contentType: "image/png" });

  await form.getByLabel("Smart encoding").check();
  await expect(encoding).toHaveText("GSM-7");
  await expect(form.getByTestId("compose-ucs2-characters")).toBeHidden();
  await expect(form.getByTestId("compose-chars-left")).toHaveText("136 characters left");
  await expect(form.getByTestId("smart-encoding-detail")).toContainText("1 character will be replaced:");
  await expect(form.getByTestId("smart-encoding-detail")).toContainText("’ → '");

  await form.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Message to +14155550188 queued")).toBeVisible();
  await expect(form.getByLabel("Message", { exact: true })).toHaveValue("");

  // The log refreshes itself while the message is on its way: the simulator delivers it.
  await page.getByLabel("Filter by number").fill("0188");
  const row = page.getByRole("row", { name: /\+14155550188/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("We're open late tonight!");
  await expect(row.getByText("Delivered")).toBeVisible({ timeout: 30_000 });

  const logShot = testInfo.outputPath("messages-page.png");
  await page.screenshot({ path: logShot, fullPage: true });
  await testInfo.attach("messages page", { path: logShot, contentType: "image/png" });

  // Its page has the whole history, in order, with the encoding the smart quote no longer forces.
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Message to +14155550188" })).toBeVisible();
  await expect(page.getByTestId("message-body")).toHaveText("We're open late tonight!");
  const history = page.getByTestId("message-history").locator("li");
  await expect(history.last()).toHaveAttribute("data-status", "DELIVERED");
  const statuses = await history.evaluateAll((items) => items.map((li) => li.getAttribute("data-status")));
  expect(statuses.filter((s) => s === "QUEUED" || s === "SENT" || s === "DELIVERED")).toEqual(["QUEUED", "SENT", "DELIVERED"]);
  await expect(page.getByText("GSM-7")).toBeVisible();
  // Prices read as money, with the currency.
  await expect(page.locator("dt", { hasText: "Price" }).locator("+ dd")).toHaveText(/^\$\d+\.\d{2,6}$/);

  const detailShot = testInfo.outputPath("message-detail.png");
  await page.screenshot({ path: detailShot, fullPage: true });
  await testInfo.attach("message page", { path: detailShot, contentType: "image/png" });

  // The same page in dark mode (the theme follows the system by default).
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByTestId("message-history").locator("li").last()).toHaveAttribute("data-status", "DELIVERED");
  const darkShot = testInfo.outputPath("message-detail-dark.png");
  await page.screenshot({ path: darkShot, fullPage: true });
  await testInfo.attach("message page, dark", { path: darkShot, contentType: "image/png" });
});

test("canceling a scheduled message asks first, with buttons that say what each one does", async ({ page }) => {
  await signInAsDemo(page);
  await page.getByRole("link", { name: "Messages" }).click();
  await page.getByRole("button", { name: "New message" }).click();
  const form = page.getByRole("form", { name: "New message" });
  await form.getByLabel("To", { exact: true }).fill("(415) 555-0177");
  await form.getByLabel("Message", { exact: true }).fill("See you tomorrow");
  await form.getByLabel("Send later").check();
  // Tomorrow at this time, as a datetime-local value in the browser's zone.
  const sendAt = await page.evaluate(() => {
    const d = new Date(Date.now() + 86_400_000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
  await form.getByLabel("Send at").fill(sendAt);
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText(/^Scheduled for /)).toBeVisible();

  await page.getByLabel("Filter by number").fill("0177");
  const row = page.getByRole("row", { name: /\+14155550177/ });
  await expect(row.getByText("Scheduled", { exact: true })).toBeVisible();
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Message to +14155550177" })).toBeVisible();

  // Backing out keeps it scheduled; only "Cancel message" cancels it. No button is just "Cancel".
  await page.getByRole("button", { name: "Cancel message" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Keep scheduled" })).toBeFocused();
  await expect(dialog.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Keep scheduled" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Scheduled", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Cancel message" }).click();
  await dialog.getByRole("button", { name: "Cancel message" }).click();
  await expect(page.getByText("Message canceled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel message" })).toHaveCount(0);
});
