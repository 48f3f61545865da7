import { expect, test } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo";

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
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByTestId("contacts-count")).toContainText("1,000");

  const firstPage = await page.getByRole("row").nth(1).textContent();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByRole("row").nth(1)).not.toHaveText(firstPage ?? "");
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page.getByRole("row").nth(1)).toHaveText(firstPage ?? "");

  await page.getByLabel("Search contacts").fill("garcía");
  await expect(page.getByRole("row").nth(1)).toContainText(/garcía/i);

  const shot = testInfo.outputPath("contacts-page.png");
  await page.getByLabel("Search contacts").fill("");
  await expect(page.getByTestId("contacts-count")).toHaveText("1,000 contacts");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("contacts page", { path: shot, contentType: "image/png" });
});
