import { expect, test } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo";
import { signInAsDemo } from "./sign-in-as-demo";

test("the audit log names the objects it lists, links to them while they exist, and filters by picking", async ({ page }) => {
  await signInAsDemo(page);
  const name = `Audited ${String(Date.now()).slice(-5)}`;
  await page.getByRole("link", { name: "Lists" }).click();
  await page.getByRole("button", { name: "Create list" }).first().click();
  await page.getByLabel("List name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();

  // The row reads as words: who, what, and the list by its name, linked to its page.
  await page.getByRole("link", { name: "Audit log" }).click();
  const table = page.getByRole("table", { name: "Audit log entries" });
  const created = table.getByRole("row").filter({ hasText: "List created" }).filter({ hasText: name });
  await expect(created).toHaveCount(1);
  await expect(created.getByRole("link", { name })).toHaveAttribute("href", /^\/lists\/lst_[0-9a-z]{24}$/);
  await expect(created).not.toContainText(/lst_/);

  // Filters are choices, kept in the URL; the action choices narrow to the object type.
  await page.getByLabel("Filter by object type").selectOption({ label: "List" });
  await expect(page).toHaveURL(/[?&]type=list\b/);
  await expect(page.getByLabel("Filter by action").locator("option", { hasText: "Contact created" })).toHaveCount(0);
  await page.getByLabel("Filter by action").selectOption({ label: "List created" });
  await page.getByLabel("Filter by actor").selectOption({ label: `${DEMO_LOGIN.name} (${DEMO_LOGIN.email})` });
  await expect(page).toHaveURL(/action=list\.created/);
  await expect(created).toHaveCount(1);
  const rows = table.locator("tbody tr");
  for (const text of await rows.allTextContents()) expect(text).toContain("List created");

  // Nobody else did it: the filters match nothing, and say how to get back.
  await page.getByLabel("Filter by actor").selectOption({ label: "System" });
  await expect(page.getByText("No entries match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/audit$/);

  // Once the list is deleted, its rows say so instead of linking to a missing page.
  await page.getByRole("link", { name: "Lists" }).click();
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  await page.getByRole("link", { name: "Audit log" }).click();
  const deleted = table.getByRole("row").filter({ hasText: "List deleted" }).filter({ hasText: name });
  await expect(deleted.getByText("deleted", { exact: true })).toBeVisible();
  await expect(deleted.getByRole("link")).toHaveCount(0);
  await expect(created.getByText("deleted", { exact: true })).toBeVisible();
});

test("at 390 px the menu folds into a button and the pages fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsDemo(page);
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  const menu = page.getByRole("button", { name: "Open menu" });
  await expect(page.getByRole("link", { name: "Audit log" })).toBeHidden();
  await menu.click();
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  // Navigating closes the menu.
  await expect(page.getByRole("button", { name: "Open menu" })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("table", { name: "Audit log entries" })).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(390);
  // Wide tables scroll inside their box (their screen-reader-only labels too); tabs scroll sideways.
  for (const path of ["/lists", "/settings/connections"]) {
    await page.goto(path);
    await expect(page.getByRole("table")).toBeVisible();
    expect(await pageWidth(), path).toBeLessThanOrEqual(390);
  }
});
