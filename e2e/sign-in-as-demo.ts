// Signs in as the seeded demo owner, who lands on the dashboard, then opens the contacts page, where
// the specs start.
import { expect, type Page } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo";

export async function signInAsDemo(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_LOGIN.email);
  await page.getByLabel("Password").fill(DEMO_LOGIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/contacts");
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
}
