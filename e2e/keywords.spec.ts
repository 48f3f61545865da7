import { expect, test, type Page } from "@playwright/test";
import { shots } from "./page-shots";
import { signInAsDemo } from "./sign-in-as-demo";

/** A new virtual phone of this run's own (outside 555-01xx, the demo org's numbers), opened. */
async function openPhone(page: Page, line: string) {
  await page.goto("/phones");
  await page.getByRole("button", { name: "New phone" }).click();
  await page.getByRole("dialog").getByLabel("Phone number").fill(`(415) 555-${line}`);
  await page.getByRole("dialog").getByRole("button", { name: "Open phone" }).click();
  const phone = page.getByRole("region", { name: `Phone +1415555${line}` });
  const screen = phone.getByRole("log", { name: "Messages" });
  const text = async (body: string) => {
    await phone.getByLabel("Text message").fill(body);
    await phone.getByRole("button", { name: "Send" }).click();
    await expect(screen.locator("[data-direction=from-phone]").filter({ hasText: body })).toBeVisible();
  };
  return { screen, text };
}

test("an admin makes a JOIN rule (refused words named as typed), a virtual phone texts JOIN, is subscribed and gets the reply; opt-out wording is listed for review", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInAsDemo(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Keywords" }).click();
  await expect(page.getByRole("heading", { name: "Keyword rules" })).toBeVisible();

  // The form checks as it is typed: a compliance keyword is named before saving.
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Coffee club");
  await dialog.getByLabel("Keywords").fill("JOIN, stop");
  await expect(dialog.getByText("STOP is a compliance keyword: it opts the contact out")).toBeVisible();
  await dialog.getByLabel("Keywords").fill("JOIN, COFFEE CLUB");
  await expect(dialog.getByText("STOP is a compliance keyword")).toBeHidden();
  await dialog.getByLabel(/Subscribe the contact/).check();
  await expect(dialog.getByText("A rule that subscribes must confirm it: write the reply")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Reply", exact: true }).fill("Welcome to the Coffee club, {{first_name|friend}}! Reply STOP to opt out.");
  await dialog.getByLabel("Add tags").fill("coffee-club");
  await dialog.getByRole("button", { name: "Create rule" }).click();
  await expect(dialog).toBeHidden();
  const rules = page.getByRole("list", { name: "Keyword rules" });
  await expect(rules.getByRole("listitem").filter({ hasText: "Coffee club" })).toContainText("Replies · tags coffee-club · subscribes");

  // Another rule may not take an overlapping keyword: the conflict names the rule.
  await page.getByRole("button", { name: "New rule" }).click();
  await dialog.getByLabel("Name").fill("Coffee");
  await dialog.getByLabel("Keywords").fill("coffee");
  await dialog.getByLabel("Matches when").selectOption({ label: "The first word is a keyword" });
  await expect(dialog.getByText('COFFEE overlaps COFFEE CLUB, which is already a keyword of the rule "Coffee club"')).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The test box takes receiveMessage's steps.
  const box = page.getByLabel("A text that says");
  const result = page.getByTestId("keyword-test-result");
  await box.fill("join!");
  await expect(result).toHaveText("The rule “Coffee club” (keyword JOIN): replies · tags coffee-club · subscribes.");
  await box.fill("please remove me");
  await expect(result).toHaveText("Opt-out wording (“remove me”): it opts the contact out and sends your opt-out reply.");
  await box.fill("STOP");
  await expect(result).toContainText("The compliance keyword STOP");

  // A virtual phone texts JOIN: subscribed, and the reply reaches the phone.
  const line = `3${String(Date.now()).slice(-3)}`;
  const joiner = await openPhone(page, line);
  await joiner.text("Join");
  await expect(joiner.screen.locator("[data-direction=to-phone]").filter({ hasText: "Welcome to the Coffee club, friend! Reply STOP to opt out." })).toBeVisible({ timeout: 30_000 });
  // And someone says stop in other words.
  const stranger = await openPhone(page, `4${String(Date.now()).slice(-3)}`);
  await stranger.text("Wrong number, please remove me");
  await expect(stranger.screen.locator("[data-direction=to-phone]").filter({ hasText: "You are unsubscribed" })).toBeVisible({ timeout: 30_000 });

  await page.goto("/settings/keywords");
  await page.getByRole("button", { name: /contacts brought in by Coffee club/ }).click();
  await expect(dialog.getByRole("listitem").filter({ hasText: `+1415555${line}` })).toContainText("Opted in");
  await page.keyboard.press("Escape");
  const optOuts = page.getByRole("list", { name: "Opt-outs by wording" });
  await expect(optOuts.getByRole("listitem").first()).toContainText("Found “remove me”");
  await expect(optOuts.getByRole("listitem").first()).toContainText("Opted out");

  await shots(page, testInfo, "keywords-settings", "Found “remove me”");
  // The form, with an error shown, at each width and scheme (the theme is read as the page loads).
  for (const [width, scheme] of [[1440, "light"], [1440, "dark"], [390, "light"], [390, "dark"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await page.getByRole("button", { name: "New rule" }).click();
    await dialog.getByLabel("Keywords").fill("VIP, HELP");
    await expect(dialog.getByText("HELP is a compliance keyword")).toBeVisible();
    const path = testInfo.outputPath(`keywords-rule-form-${width}-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`rule form at ${width} px, ${scheme}`, { path, contentType: "image/png" });
  }
});
