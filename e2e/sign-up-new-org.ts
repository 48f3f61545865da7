// Signs up a new user with an organisation of their own (US), who lands on the contacts page: for
// specs whose data must not mix with the demo org's, which other specs count.
import { expect, type Page } from "@playwright/test";

export async function signUpWithNewOrg(page: Page, { name, emailPrefix, orgName }: { name: string; emailPrefix: string; orgName: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${emailPrefix}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Organisation name").fill(orgName);
  await page.getByLabel("Default country").selectOption("US");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
}
