import { expect, test } from "@playwright/test";
import { defaultKeywordReplies } from "../lib/messaging/keyword-replies";
import { DEMO_ORG_NAME } from "../prisma/demo";
import { signInAsDemo } from "./sign-in-as-demo";

test("a new virtual phone texts the demo org, asks for HELP and gets the help reply", async ({ page }, testInfo) => {
  await signInAsDemo(page);

  await page.getByRole("link", { name: "Phones" }).click();
  await expect(page.getByRole("heading", { name: "Phones", exact: true })).toBeVisible();

  // A number that is not one is refused beside the field.
  await page.getByRole("button", { name: "New phone" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Phone number").fill("555");
  await dialog.getByRole("button", { name: "Open phone" }).click();
  await expect(dialog.getByText(/not a valid US phone number/)).toBeVisible();

  // A number of this run's own (a retry starts on an empty screen too), read in the org's default
  // country (US); outside 555-01xx, where the demo org's own number is.
  const line = `2${String(Date.now()).slice(-3)}`;
  const e164 = `+1415555${line}`;
  await dialog.getByLabel("Phone number").fill(`(415) 555-${line}`);
  await dialog.getByRole("button", { name: "Open phone" }).click();
  await expect(page).toHaveURL(new RegExp(`/phones/${e164.slice(1)}$`));

  const phone = page.getByRole("region", { name: `Phone ${e164}` });
  const screen = phone.getByRole("log", { name: "Messages" });
  const keyboard = phone.getByLabel("Text message");

  await keyboard.fill("Hi! Are you open on Sunday?");
  await expect(phone.getByText("1 segment · GSM-7")).toBeVisible();
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(screen.locator("[data-direction=from-phone]").filter({ hasText: "Are you open on Sunday?" })).toBeVisible();
  await expect(keyboard).toHaveValue("");

  // HELP goes through the same inbound path as from a real phone: the org answers with its help text.
  await keyboard.fill("HELP");
  await keyboard.press("Enter");
  const helpReply = screen.locator("[data-direction=to-phone]").filter({ hasText: defaultKeywordReplies(DEMO_ORG_NAME).helpReply });
  await expect(helpReply).toBeVisible({ timeout: 30_000 });
  await expect(helpReply).toContainText("1 segment");

  const shot = testInfo.outputPath("phones-page.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("a virtual phone", { path: shot, contentType: "image/png" });

  // Back on the list, the new phone is there with its latest text.
  await page.getByRole("link", { name: "Phones" }).first().click();
  await expect(page.getByRole("list", { name: "Virtual phones" }).getByRole("link", { name: new RegExp(`\\${e164}`) })).toBeVisible();
});
