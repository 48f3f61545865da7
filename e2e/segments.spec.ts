import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signInAsDemo } from "./sign-in-as-demo";

/** The number the live count shows once it has settled on an answer. */
async function settledCount(page: Page): Promise<number> {
  const live = page.getByTestId("segment-live-count");
  await expect(live).toHaveText(/^[\d,]+ contacts?$/);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return Number((await live.textContent())!.replace(/\D/g, ""));
}

test("a marketer builds a nested segment, watches the live count, saves it and reopens it", async ({ page }) => {
  await signInAsDemo(page);
  await page.getByRole("link", { name: "Segments" }).click();
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();
  await page.getByRole("link", { name: "New segment" }).first().click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();
  await expect(page.getByText(/evaluated each time they are used/)).toBeVisible();
  const everyone = await settledCount(page);

  await page.getByLabel("Name").fill("E2E loyal and opted in");

  // Level 1: subscription is opted in.
  await page.getByRole("button", { name: "Add rule", exact: true }).click();
  await page.getByLabel("Rule 1: field").selectOption({ label: "Subscription" });
  await page.getByLabel("Subscription: values").selectOption({ label: "Opted in" });
  await expect.poll(() => settledCount(page)).toBeLessThan(everyone);
  const optedIn = await settledCount(page);

  // Level 2: any of (tag vip, level 3: all of (loyalty points >= 100)).
  await page.getByRole("button", { name: "Add group", exact: true }).click();
  const level2 = page.getByRole("region", { name: "Group at level 2" });
  await level2.getByLabel("Group at level 2: match all or any").selectOption("any");
  await level2.getByLabel("Rule 1: field").first().selectOption({ label: "Tags" });
  await level2.getByLabel("Tags: values").fill("vip");
  await level2.getByLabel("Tags: values").press("Enter");
  await expect(level2.getByRole("button", { name: "Remove vip" })).toBeVisible();
  await level2.getByRole("button", { name: "Add group inside group at level 2" }).click();
  const level3 = page.getByRole("region", { name: "Group at level 3" });
  await level3.getByLabel("Rule 1: field").selectOption({ label: "Loyalty points" });
  await level3.getByLabel("Loyalty points: operator").selectOption({ label: "≥" });
  await level3.getByLabel("Loyalty points: value").fill("100");
  await expect.poll(() => settledCount(page)).toBeLessThan(optedIn);
  const nested = await settledCount(page);
  expect(nested).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page).toHaveURL(/\/segments\/seg_[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "E2E loyal and opted in" })).toBeVisible();

  // Reopened from the list: the same three levels, the same count.
  await page.goto("/segments");
  await page.getByRole("link", { name: "E2E loyal and opted in" }).click();
  await expect(page.getByRole("region", { name: "Group at level 3" }).getByLabel("Loyalty points: value")).toHaveValue("100");
  await expect(page.getByRole("region", { name: "Group at level 2" }).getByRole("button", { name: "Remove vip" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Opted in" })).toBeVisible();
  expect(await settledCount(page)).toBe(nested);

  // Exported: one CSV row per contact the live count promised, each opted in.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const stream = await download.createReadStream();
  let text = "";
  for await (const chunk of stream) text += chunk.toString("utf8");
  const rows = parse(text.replace(/^\ufeff/, ""), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(nested);
  for (const row of rows) expect(row.subscription_status).toBe("subscribed");
});

test("the contacts filters live in the URL and survive Back", async ({ page }) => {
  await signInAsDemo(page);
  // Every contact of the demo org: other specs add a few, so the figure is read, not assumed.
  const count = page.getByTestId("contacts-count");
  await expect(count).toHaveText(/^[\d,]+ contacts?$/);
  const everyone = await count.textContent();
  await page.getByLabel("Filter by status").selectOption("OPTED_OUT");
  await expect(page).toHaveURL(/status=OPTED_OUT/);
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(count).not.toHaveText(everyone!);
  await expect(count).toHaveText(/^[\d,]+ contacts?$/);
  const filtered = await count.textContent();

  await page.locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/contacts\/ct_/);
  await page.goBack();

  await expect(page).toHaveURL(/status=OPTED_OUT/);
  await expect(page.getByLabel("Filter by status")).toHaveValue("OPTED_OUT");
  await expect(count).toHaveText(filtered!);
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");

  // Back again undoes the sort, then the filter.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=name/);
  await page.goBack();
  await expect(page.getByLabel("Filter by status")).toHaveValue("");
  await expect(count).toHaveText(everyone!);
});
