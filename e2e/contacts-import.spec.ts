import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signUpWithNewOrg } from "./sign-up-new-org";

// 30 good rows, a duplicate, and two bad rows.
function csv() {
  const rows = ["Mobile,First Name,Last Name,Email"];
  for (let i = 0; i < 30; i++) rows.push(`+1907555${String(2100 + i)},Imported${i},Person,imported${i}@example.com`);
  rows.push("+19075552100,Again,Person,", "not-a-number,Bad,Phone,", "+19075552199,Bad,Email,nope@");
  return Buffer.from(`${rows.join("\r\n")}\r\n`);
}

test("import a CSV with bad rows: map, preview, progress, done, report", async ({ page }) => {
  // An org of its own: the demo org's contacts are counted by other specs.
  await signUpWithNewOrg(page, { name: "Ivy Importer", emailPrefix: "e2e-import", orgName: "Ivy's Garden Shop" });
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import contacts" })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles({ name: "fair-signups.csv", mimeType: "text/csv", buffer: csv() });

  // The columns are matched from their headers.
  await expect(page).toHaveURL(/\/contacts\/import\/imp_/);
  await expect(page.getByLabel("Import Mobile as")).toHaveValue("phone");
  await expect(page.getByLabel("Import First Name as")).toHaveValue("firstName");
  await expect(page.getByLabel("Import Email as")).toHaveValue("email");
  await page.getByRole("button", { name: "Continue" }).click();

  // Options: the consent statement is required.
  const review = page.getByRole("button", { name: "Review" });
  await expect(review).toBeDisabled();
  await page.getByLabel("Add tags").fill("spring-fair");
  await page.getByLabel("How did these people agree to receive texts?").fill("They signed up on the tablet at our spring fair stand");
  await review.click();

  // The dry run over the whole file, before anything is written.
  await expect(page.getByText("New contacts")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Not a valid phone number: 1 row")).toBeVisible();
  await expect(page.getByText("Not a valid email address: 1 row")).toBeVisible();
  await expect(page.getByText("Same number as an earlier row: 1 row")).toBeVisible();
  await expect(page.getByRole("cell", { name: "+19075552100" })).toBeVisible();

  await page.getByRole("button", { name: /^Import 30 contacts$/ }).click();
  // Progress, then the outcome (a small file may finish before the progress is seen).
  await expect(page.getByText(/Importing fair-signups\.csv|Import finished/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 60_000 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download report (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("fair-signups-not-imported.csv");
  const report = (await readFile((await download.path())!, "utf8")).trim().split("\n");
  expect(report).toEqual([
    "line,column,reason,message,value",
    "32,,duplicate,Same number as an earlier row (line 2),+19075552100",
    "33,Mobile,invalid_phone,Not a valid phone number,not-a-number",
    "34,Email,invalid_email,Not a valid email address,nope@",
  ]);

  await page.getByRole("link", { name: "View contacts" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await page.getByRole("searchbox").or(page.getByPlaceholder(/search/i)).first().fill("Imported7");
  await expect(page.getByRole("cell", { name: "+19075552107" })).toBeVisible();
});
