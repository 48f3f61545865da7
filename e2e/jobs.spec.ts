import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./sign-in-as-demo";

// The demo owner is the installation's administrator: the seed made the first account.
test("the Jobs page says when its filters match no run, and clears them", async ({ page }) => {
  await signInAsDemo(page);
  await page.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();

  // Nothing cancels invitation purges (a daily cron) in this run.
  await page.getByLabel("Filter by status").selectOption("CANCELLED");
  await page.getByLabel("Filter by function").selectOption({ label: "Purge expired invitations and idempotency keys" });
  const empty = page.getByText("No runs match these filters");
  await expect(empty).toBeVisible();
  // Not "No runs yet": there are runs, none of them matches.
  await expect(page.getByText("No runs yet")).toHaveCount(0);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(empty).toBeHidden();
  await expect(page.getByLabel("Filter by status")).toHaveValue("");
  await expect(page.getByLabel("Filter by function")).toHaveValue("");
});
