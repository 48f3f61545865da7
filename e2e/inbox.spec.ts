// Two teammates work the demo org's inbox in two browsers, live: a virtual phone texts, the text
// appears in both inboxes without a reload; Sam assigns it to himself and replies; Dana sees the reply
// as it is made; the phone gets it and Sam's bubble turns delivered.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { DEMO_LOGIN, DEMO_TEAMMATE } from "../prisma/demo";
import { shots } from "./page-shots";

async function signedIn(browser: Browser, login: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  return page;
}

/** A dialog of the inbox at each width and colour scheme (a reload closes it: opened each time). */
async function dialogShots(page: Page, testInfo: TestInfo, name: string, open: () => Promise<void>) {
  for (const [width, scheme] of [[1440, "light"], [1440, "dark"], [390, "light"], [390, "dark"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    // The list is read by the browser: once it is there (hidden behind a thread on a phone), the page
    // is hydrated and hears keys and clicks.
    await expect(page.getByTestId("conversation-row").first()).toBeAttached();
    await open();
    const path = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`${name} at ${width} px, ${scheme}`, { path, contentType: "image/png" });
    await page.keyboard.press("Escape");
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("two teammates answer a text together, live", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const dana = await signedIn(browser, DEMO_LOGIN);
  const sam = await signedIn(browser, DEMO_TEAMMATE);

  // A virtual phone of this run's own (outside 555-01xx, the demo's own number), in Dana's browser.
  const line = `3${String(Date.now()).slice(-3)}`;
  const e164 = `+1415555${line}`;
  const phonePage = await dana.context().newPage();
  await phonePage.goto(`/phones/${e164.slice(1)}`);
  const phone = phonePage.getByRole("region", { name: `Phone ${e164}` });
  const screen = phone.getByRole("log", { name: "Messages" });
  const hello = `hi ${line}`;
  await phone.getByLabel("Text message").fill(hello);
  await phone.getByRole("button", { name: "Send" }).click();
  const sentAt = Date.now();

  // Both inboxes show it without a reload.
  const rowIn = (page: Page) => page.getByTestId("conversation-row").filter({ hasText: hello });
  await expect(rowIn(dana)).toBeVisible({ timeout: 5_000 });
  await expect(rowIn(sam)).toBeVisible({ timeout: 5_000 });
  testInfo.annotations.push({ type: "live", description: `the text in both inboxes ${Date.now() - sentAt} ms after Send (with the phone's own request)` });
  await expect(dana.getByTestId("nav-unread")).toBeVisible();

  // Sam opens it, takes it (a), and answers with Enter.
  await rowIn(sam).click();
  await expect(sam.getByTestId("thread-title")).toHaveText(e164);
  await sam.keyboard.press("a");
  await expect(sam.getByLabel("Assignee")).toHaveValue(/usr_/);
  await expect(sam.getByLabel("Assignee").locator("option:checked")).toHaveText(`${DEMO_TEAMMATE.name} (me)`);
  // Dana opens it too: each sees the other there.
  await rowIn(dana).click();
  await expect(sam.getByTestId("presence")).toContainText(`${DEMO_LOGIN.name} is viewing`);
  // Sam said so as he opened it, before Dana was there: she hears it when he repeats it (every 10 s).
  await expect(dana.getByTestId("presence")).toContainText(`${DEMO_TEAMMATE.name} is viewing`, { timeout: 15_000 });

  const answer = `Hello from Sam ${line}`;
  await sam.keyboard.press("r");
  await sam.keyboard.type(answer);
  await sam.keyboard.press("Enter");
  const samBubble = sam.getByTestId("thread-message").filter({ hasText: answer });
  await expect(samBubble).toBeVisible();
  await expect(samBubble).toContainText(DEMO_TEAMMATE.name);

  // Dana sees Sam's reply and the assignment without a reload.
  const danaBubble = dana.getByTestId("thread-message").filter({ hasText: answer });
  await expect(danaBubble).toBeVisible({ timeout: 5_000 });
  await expect(dana.getByLabel("Assignee").locator("option:checked")).toHaveText(DEMO_TEAMMATE.name);

  // After the undo wait, the phone gets it and the bubble turns delivered, in both browsers.
  await expect(screen.locator("[data-direction=to-phone]").filter({ hasText: answer })).toBeVisible({ timeout: 40_000 });
  await expect(samBubble).toHaveAttribute("data-status", "DELIVERED", { timeout: 20_000 });
  await expect(danaBubble).toHaveAttribute("data-status", "DELIVERED", { timeout: 20_000 });

  // A note, visible to the other, never sent.
  await dana.getByRole("tab", { name: "Internal note" }).click();
  await dana.getByLabel("Internal note").fill("Sam has this one");
  await dana.getByRole("button", { name: "Add note" }).click();
  await expect(sam.getByTestId("thread-note").filter({ hasText: "Sam has this one" })).toBeVisible({ timeout: 5_000 });

  // A saved reply, made here and offered in the reply box.
  await sam.getByRole("button", { name: "Saved replies" }).click();
  const saved = sam.getByRole("dialog");
  await saved.getByRole("button", { name: "New saved reply" }).click();
  await saved.getByLabel("Name").fill("Opening hours");
  await saved.getByLabel("Text").fill("We open at 7 every day, {{first_name}}.");
  await saved.getByRole("button", { name: "Save" }).click();
  await expect(saved.getByText("Opening hours")).toBeVisible();
  await saved.getByRole("button", { name: "Close" }).click();
  await sam.getByLabel("Saved reply").selectOption({ label: "Opening hours" });
  await expect(sam.getByLabel("Reply", { exact: true })).toHaveValue("We open at 7 every day, {{first_name}}.");

  // The inbox on a phone and on a desktop, light and dark: the thread open.
  // (Waiting for the note: on a phone the list, with the same last text, is hidden behind the thread.)
  await shots(sam, testInfo, "inbox-thread", "Sam has this one");
  await sam.goto("/inbox");
  await shots(sam, testInfo, "inbox-list", e164);

  // A new conversation with any contact, from the inbox: found by name, opened to write the first text.
  await dana.getByRole("button", { name: "New conversation" }).click();
  const finder = dana.getByRole("dialog");
  await finder.getByLabel("Find a contact").fill("a");
  const found = finder.getByRole("list", { name: "Contacts found" }).getByRole("button").first();
  const who = (await found.locator("span").first().textContent())!;
  await found.click();
  await expect(dana.getByTestId("thread-title")).toHaveText(who);
  await expect(dana).toHaveURL(/[?&]c=cnv_/);

  // The dialogs and the shortcuts, at each width and scheme.
  await dialogShots(sam, testInfo, "inbox-shortcuts", async () => {
    await sam.keyboard.press("?");
    await expect(sam.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  });
  await dialogShots(dana, testInfo, "inbox-auto-assign", async () => {
    await dana.getByRole("button", { name: "Auto-assignment" }).click();
    await expect(dana.getByRole("dialog").getByText(DEMO_TEAMMATE.name)).toBeVisible();
  });
  await dialogShots(dana, testInfo, "inbox-new-conversation", async () => {
    await dana.getByRole("button", { name: "New conversation" }).click();
    await dana.getByRole("dialog").getByLabel("Find a contact").fill("a");
    await expect(dana.getByRole("dialog").getByRole("list", { name: "Contacts found" }).getByRole("button").first()).toBeVisible();
  });
});
