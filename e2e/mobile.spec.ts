// Every page of the app at phone width (390 px), signed in as the demo owner: nothing widens the page
// (the document scrolls only down), no table scrolls sideways (rows become cards), and each page's key
// content is on screen. Screenshots of every page at 390 px light and dark and at 1440 px are kept.
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { shots } from "./page-shots";
import { signInAsDemo } from "./sign-in-as-demo";
import { signUpWithNewOrg } from "./sign-up-new-org";

const PHONE = 390;
const SIZES = [[PHONE, "light"], [PHONE, "dark"], [1440, "light"]] as const;

/** Widths that overflow their box at this viewport: the document's, and each table's scrolling box. */
async function overflows(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth) found.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    document.querySelectorAll("table").forEach((table, i) => {
      const box = table.parentElement!;
      if (box.scrollWidth > box.clientWidth + 1) found.push(`table ${i} (${table.getAttribute("aria-label") ?? ""}) ${box.scrollWidth} > ${box.clientWidth}`);
    });
    return found;
  });
}

/** A row of data (not a loading placeholder) in the page's first table. */
const ROW = "table tbody tr:not([aria-hidden])";

/** Opens `path` at phone width, checks it, then keeps its screenshots; `ready` (CSS) is the content that arrives last. */
async function check(page: Page, testInfo: TestInfo, name: string, path: string, ready = "h1") {
  const shown = page.locator(ready).first();
  await page.setViewportSize({ width: PHONE, height: 844 });
  await page.goto(path);
  await expect(shown).toBeVisible();
  // Content that arrives after the first paint (queries, charts) gets its chance to widen the page.
  await page.waitForLoadState("networkidle");
  expect.soft(await overflows(page), `${name} (${path}) at ${PHONE} px`).toEqual([]);
  await shots(page, testInfo, name, shown, SIZES);
}

/** The first link on `path` whose href matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const find = async () =>
    (await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).find((href) => pattern.test(href)) ?? "";
  await expect.poll(find).not.toBe("");
  return find();
}

/** The element is on screen and within the phone's width. */
async function expectWithin(element: Locator) {
  await expect(element).toBeInViewport();
  const box = (await element.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE);
}

/** A screenshot of the page as it is now (an open dialog: a reload would close it). */
async function keep(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}-${PHONE}-light.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test.describe.configure({ timeout: 600_000 });

test("every page of the app fits a 390 px phone, light and dark", async ({ page }, testInfo) => {
  await signInAsDemo(page);

  const pages: [name: string, path: string, ready?: string][] = [
    ["dashboard", "/dashboard", ".recharts-surface"],
    ["inbox", "/inbox", "[data-testid=conversation-row]"],
    ["messages", "/messages", ROW],
    ["campaigns", "/campaigns", ROW],
    ["campaign-new", "/campaigns/new"],
    ["workflows", "/workflows"],
    ["contacts", "/contacts", ROW],
    ["contacts-import", "/contacts/import"],
    ["lists", "/lists", ROW],
    ["segments", "/segments", ROW],
    ["segment-new", "/segments/new"],
    ["phones", "/phones", "[aria-label='Virtual phones'] li"],
    ["settings", "/settings", "main form"],
    ["settings-sending", "/settings/sending", "main form"],
    ["settings-keywords", "/settings/keywords", "main form"],
    ["settings-alerts", "/settings/alerts", "main form"],
    ["settings-senders", "/settings/senders", ROW],
    ["settings-connections", "/settings/connections", ROW],
    ["settings-custom-fields", "/settings/custom-fields", ROW],
    ["settings-members", "/settings/members", ROW],
    ["developers", "/developers", "main h1"],
    ["developers-webhooks", "/developers/webhooks"],
    ["audit", "/audit", ROW],
    ["jobs", "/jobs", ROW],
    ["docs-api", "/docs/api"],
    ["onboarding", "/onboarding"],
  ];
  for (const [name, path, ready] of pages) await check(page, testInfo, name, path, ready);

  // Detail pages: the first of each list.
  const details: [name: string, list: string, pattern: RegExp, ready?: string][] = [
    ["message", "/messages", /^\/messages\/msg_/],
    ["campaign-results", "/campaigns", /^\/campaigns\/cmp_/, ROW],
    ["contact", "/contacts", /^\/contacts\/ct_/],
    ["list", "/lists", /^\/lists\/lst_/, ROW],
    ["segment", "/segments", /^\/segments\/seg_/],
    ["job-run", "/jobs", /^\/jobs\/[^/?]+$/, ROW],
  ];
  for (const [name, list, pattern, ready] of details) await check(page, testInfo, name, await firstLink(page, list, pattern), ready);
  // The demo workflow's runs (seeded) and the first run's page.
  await page.goto("/workflows");
  const workflowRuns = `${await page.getByRole("link", { name: "Tasting night RSVP" }).getAttribute("href")}/runs`;
  await check(page, testInfo, "workflow-runs", workflowRuns, ROW);
  await check(page, testInfo, "workflow-run", await firstLink(page, workflowRuns, /^\/workflows\/wf_[^/]+\/runs\/wfr_/), "[data-testid=run-timeline]");

  // A virtual phone: its screen and keyboard at phone width, opened from a dialog that fits the phone.
  await page.setViewportSize({ width: PHONE, height: 844 });
  await page.goto("/phones");
  await page.getByRole("button", { name: "New phone" }).click();
  await expectWithin(page.getByRole("dialog"));
  await keep(page, testInfo, "new-phone-dialog");
  await page.getByRole("dialog").getByLabel("Phone number").fill("(415) 555-2390");
  await page.getByRole("dialog").getByRole("button", { name: "Open phone" }).click();
  await expect(page).toHaveURL(/\/phones\/14155552390$/);
  await page.getByLabel("Text message").fill("Hi! Do you deliver to the office?");
  await page.getByRole("button", { name: "Send" }).click();
  await check(page, testInfo, "phone", "/phones/14155552390", "[data-direction=from-phone]");
  const phone = page.getByRole("region", { name: "Phone +14155552390" });
  const box = await phone.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(PHONE);
  expect(box!.width).toBeGreaterThanOrEqual(300);

  // A webhook endpoint's page.
  const hook = `https://example.com/hooks/mobile-${Date.now()}`;
  await page.goto("/developers/webhooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const form = page.getByRole("form", { name: "Add an endpoint" });
  await form.getByLabel("URL").fill(hook);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  const endpoint = (await page.getByRole("link", { name: hook }).getAttribute("href"))!;
  await check(page, testInfo, "webhook-endpoint", endpoint, `text=${hook}`);
});

test("the Messages page's first row shows its message and status badge on a phone", async ({ page }) => {
  await signInAsDemo(page);
  await page.setViewportSize({ width: PHONE, height: 844 });
  await page.goto("/messages");
  const row = page.locator("[data-message-id]").first();
  await expect(row).toBeVisible();
  for (const part of [row.locator("[data-status]"), row.getByTestId("message-body")]) await expectWithin(part);
});

test("signed out: sign-in and sign-up fit a phone", async ({ page }, testInfo) => {
  for (const [name, path] of [["sign-in", "/sign-in"], ["sign-up", "/sign-up"]] as const) await check(page, testInfo, name, path);
});

test("a CSV import's mapping and preview fit a phone", async ({ page }, testInfo) => {
  // An org of its own: an import left at its preview must not show in the demo org other specs count.
  await signUpWithNewOrg(page, { name: "Mo Bile", emailPrefix: "e2e-mobile", orgName: "Pocket Bakery" });

  await page.setViewportSize({ width: PHONE, height: 844 });
  await page.goto("/contacts/import");
  const rows = ["Mobile,First Name,Last Name,Email,Favourite pastry"];
  for (let i = 0; i < 8; i++) rows.push(`+1907555${3100 + i},Pat${i},Baker,pat${i}.baker.with.a.long.address@example.com,Cardamom bun`);
  await page.getByLabel("CSV file").setInputFiles({ name: "pocket-bakery-signups.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  await expect(page).toHaveURL(/\/contacts\/import\/imp_/);
  const mapping = page.getByLabel("Import Mobile as");
  await expect(mapping).toHaveValue("phone");
  expect.soft(await overflows(page), "the import's mapping").toEqual([]);
  await expectWithin(mapping);
  await keep(page, testInfo, "import-map");

  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("How did these people agree to receive texts?").fill("They signed up at the counter");
  await page.getByRole("button", { name: "Review" }).click();
  const firstRow = page.getByRole("cell", { name: "+19075553100" });
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  expect.soft(await overflows(page), "the import's preview").toEqual([]);
  await expectWithin(firstRow);
  await keep(page, testInfo, "import-preview");
});
