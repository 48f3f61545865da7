import { expect, test } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo";
import { signInAsDemo } from "./sign-in-as-demo";
import { simulatorAlwaysDelivers } from "./simulator-outcomes";

test("a new user signs up, creates an org, adds a contact to a list and sees the counts", async ({ page }) => {
  const email = `e2e-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  // The tab shows the app's icon: the page names one, and it is served.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  const iconResponse = await page.request.get(icon ?? "/favicon.ico");
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");

  // A refusal keeps everything that was typed, the password too.
  await page.getByLabel("Name").fill("Erin Tester");
  await page.getByLabel("Email").fill(DEMO_LOGIN.email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Erin Tester");
  await expect(page.getByLabel("Password")).toHaveValue("correct horse battery");

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Create your organisation" })).toBeVisible();
  await page.getByLabel("Organisation name").fill("Erin's Bakery");
  await page.getByLabel("Default country").selectOption("US");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/contacts$/);

  // A bad number is refused with the reason beside the field; nothing is created.
  await page.getByRole("button", { name: "Add contact" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Phone").fill("555");
  await dialog.getByLabel("First name").fill("Ada");
  await dialog.getByRole("button", { name: "Save contact" }).click();
  await expect(dialog.getByText(/not a valid US phone number/)).toBeVisible();

  // A good one is saved in E.164 with the org's default country.
  await dialog.getByLabel("Phone").fill("(415) 555-0123");
  await dialog.getByRole("button", { name: "Save contact" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: "+14155550123" })).toBeVisible();
  await expect(page.getByTestId("contacts-count")).toHaveText(/^1 contact$/);

  // Create a list, add the contact to it, see the counts.
  await page.getByRole("link", { name: "Lists" }).click();
  await page.getByRole("button", { name: "Create list" }).first().click();
  await page.getByLabel("List name").fill("VIP");
  await page.getByRole("dialog").getByRole("button", { name: "Create list" }).click();
  const vipRow = page.getByRole("row", { name: /VIP/ });
  await expect(vipRow).toContainText("0");

  await page.getByRole("link", { name: "Contacts" }).click();
  await page.getByRole("row", { name: /Ada/ }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Add to list" }).click();
  await page.getByRole("dialog").getByLabel(/List/).selectOption({ label: "VIP" });
  await page.getByRole("dialog").getByRole("button", { name: "Add to list" }).click();
  await expect(page.getByText(/Added 1 contact/)).toBeVisible();

  await page.getByRole("link", { name: "Lists" }).click();
  await expect(page.getByRole("row", { name: /VIP/ })).toContainText("1");
  await page.getByRole("link", { name: "VIP" }).click();
  await expect(page.getByTestId("list-member-count")).toContainText("1");
  await expect(page.getByRole("cell", { name: "+14155550123" })).toBeVisible();
});

test("the demo owner signs in and pages through the seeded contacts", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_LOGIN.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password")).toBeVisible();

  await page.getByLabel("Password").fill(DEMO_LOGIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Contacts", exact: true }).click();
  // The seed's 1,000, and any contact a spec before this one added.
  const count = page.getByTestId("contacts-count");
  await expect(count).toHaveText(/^1,0\d\d contacts$/);
  const total = (await count.textContent())!;

  const firstPage = await page.getByRole("row").nth(1).textContent();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByRole("row").nth(1)).not.toHaveText(firstPage ?? "");
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByRole("row").nth(1)).toHaveText(firstPage ?? "");

  await page.getByLabel("Search contacts").fill("garcía");
  await expect(page.getByRole("row").nth(1)).toContainText(/garcía/i);

  const shot = testInfo.outputPath("contacts-page.png");
  await page.getByLabel("Search contacts").fill("");
  await expect(count).toHaveText(total);
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("contacts page", { path: shot, contentType: "image/png" });
});

test("on a contact's page the demo owner texts them, opts them out and back in, and sees it all recorded", async ({ page }, testInfo) => {
  // The text is watched until "Delivered": the simulator's ~3% failures would fail this now and then.
  const restoreSimulator = await simulatorAlwaysDelivers();
  try {
    await signInAsDemo(page);
    // A number of this run's own, outside 555-01xx (the demo's own number and other specs' phones).
    const line = `3${String(Date.now()).slice(-3)}`;
    const e164 = `+1415555${line}`;
    await page.getByRole("button", { name: "Add contact" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Phone").fill(`(415) 555-${line}`);
    await dialog.getByLabel("First name").fill("Rosa");
    await dialog.getByRole("button", { name: "Save contact" }).click();
    await expect(dialog).toBeHidden();
    await page.getByLabel("Search contacts").fill(line);
    await page.getByRole("row", { name: new RegExp(`\\${e164}`) }).getByRole("link", { name: "Rosa" }).click();
    await expect(page.getByRole("heading", { name: "Rosa", level: 1 })).toBeVisible();

    // Send a text: the Messages page's compose panel, with the contact's number in To.
    const messages = page.getByTestId("contact-messages");
    await expect(messages).toContainText("No texts to or from this contact yet.");
    await page.getByRole("button", { name: "Send a text" }).click();
    const form = page.getByRole("form", { name: "New message" });
    await expect(form.getByLabel("To", { exact: true })).toHaveValue(e164);
    await form.getByLabel("Message", { exact: true }).fill("Your order is ready, Rosa!");
    await form.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText(`Message to ${e164} queued`)).toBeVisible();
    const sent = messages.locator("li[data-message-id]");
    await expect(sent).toHaveCount(1);
    await expect(sent).toContainText("Your order is ready, Rosa!");
    await expect(sent).toContainText("from +1");
    await expect(sent.getByText("Delivered")).toBeVisible({ timeout: 30_000 });
    await form.getByRole("button", { name: "Close" }).click();

    // Opt out: the confirm says what it means; backing out changes nothing.
    const consent = page.locator("dl").filter({ hasText: "Status" }).first();
    await page.getByRole("button", { name: "Opt out", exact: true }).click();
    const confirm = page.getByRole("dialog");
    await expect(confirm.getByRole("heading", { name: "Opt Rosa out of marketing?" })).toBeVisible();
    await expect(confirm).toContainText("no more marketing texts until they text START");
    await expect(confirm.getByRole("button", { name: "Keep opted in" })).toBeFocused();
    await confirm.getByRole("button", { name: "Keep opted in" }).click();
    await expect(consent).toContainText("Opted in");
    await page.getByRole("button", { name: "Opt out", exact: true }).click();
    await confirm.getByRole("button", { name: "Opt out", exact: true }).click();
    await expect(page.getByText("Rosa opted out")).toBeVisible();
    await expect(consent).toContainText("Opted out");
    await expect(consent).toContainText("ui");
    // The history card (the demo owner is an admin) has the change, by them.
    const history = page.getByRole("heading", { name: "History" }).locator("..");
    await expect(history.getByText("Opted out", { exact: true })).toBeVisible();
    await expect(history).toContainText(`by ${DEMO_LOGIN.email}`);

    // Marketing to them is now refused, beside the To field.
    await page.getByRole("button", { name: "Send a text" }).click();
    await form.getByLabel("Message", { exact: true }).fill("Flash sale today!");
    await form.getByRole("button", { name: "Send" }).click();
    await expect(form.getByText(`${e164} has opted out of messages from this organisation`)).toBeVisible();
    await form.getByRole("button", { name: "Close" }).click();
    const optedOutShot = testInfo.outputPath("contact-opted-out.png");
    await page.screenshot({ path: optedOutShot, fullPage: true });
    await testInfo.attach("contact page, opted out", { path: optedOutShot, contentType: "image/png" });

    // Opt back in: the confirm asks for their own request first.
    await page.getByRole("button", { name: "Opt in", exact: true }).click();
    await expect(confirm.getByRole("heading", { name: "Opt Rosa back in to marketing?" })).toBeVisible();
    await expect(confirm).toContainText("Only opt someone back in when they asked for it");
    await confirm.getByRole("button", { name: "Opt in", exact: true }).click();
    await expect(page.getByText("Rosa opted in")).toBeVisible();
    await expect(consent).toContainText("Opted in");
    await expect(history.getByText("Opted in", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Opt out", exact: true })).toBeVisible();
  } finally {
    await restoreSimulator();
  }
});
