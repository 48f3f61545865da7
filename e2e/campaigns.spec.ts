import { expect, test } from "@playwright/test";
import { shots } from "./page-shots";
import { signInAsDemo } from "./sign-in-as-demo";
import { zoneAwakeNow } from "../tests/awake-zone";
import { simulatorAlwaysDelivers, withDb } from "./simulator-outcomes";

/** A 415-555 line no contact has yet: the e2e database outlives runs, and a taken number fails "Save contact". */
const unusedLine = () =>
  withDb(async (client) => {
    for (;;) {
      const line = String(1000 + Math.floor(Math.random() * 9000));
      if ((await client.query(`SELECT 1 FROM "Contact" WHERE phone = $1`, [`+1415555${line}`])).rowCount === 0) return line;
    }
  });

const SIZES = [[1440, "light"], [390, "light"], [390, "dark"]] as const;

// A phone's browser: a headless one names itself (HeadlessChrome) and its click on the campaign's
// link would be recorded as a bot's, not counted (lib/links/bot-reason.ts).
test.use({
  userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
});

test("a marketer sends a campaign with merge fields and a tracked link to a segment, reads the plan, watches it deliver and sees the click and the reply", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const restoreSimulator = await simulatorAlwaysDelivers();
  try {
    await signInAsDemo(page);
    const line = await unusedLine();
    const e164 = `+1415555${line}`;
    const segmentName = `Weekend ${line}`;

    // A contact in a zone where it is daytime, never texted before.
    await page.getByRole("button", { name: "Add contact" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Phone").fill(`(415) 555-${line}`);
    await dialog.getByLabel("First name").fill("Maya");
    await dialog.getByLabel("Time zone").fill(zoneAwakeNow());
    await dialog.getByRole("button", { name: "Save contact" }).click();
    await expect(dialog).toBeHidden();

    // A segment that picks them: built in the rule builder, its live count settled on the one contact.
    await page.getByRole("link", { name: "Segments" }).click();
    await page.getByRole("link", { name: "New segment" }).first().click();
    await page.getByLabel("Name").fill(segmentName);
    await page.getByRole("button", { name: "Add rule", exact: true }).click();
    await page.getByLabel("Rule 1: field").selectOption({ label: "Phone" });
    await page.getByLabel("Phone: operator").selectOption({ label: "is" });
    await page.getByLabel("Phone: value").fill(e164);
    await expect(page.getByTestId("segment-live-count")).toHaveText("1 contact");
    await page.getByRole("button", { name: "Save segment" }).click();
    await expect(page).toHaveURL(/\/segments\/seg_[a-z0-9]+$/);

    // Their phone, so what they receive can be read (and answered).
    await page.getByRole("link", { name: "Phones" }).click();
    await page.getByRole("button", { name: "New phone" }).click();
    await page.getByRole("dialog").getByLabel("Phone number").fill(`(415) 555-${line}`);
    await page.getByRole("dialog").getByRole("button", { name: "Open phone" }).click();
    await expect(page).toHaveURL(new RegExp(`/phones/${e164.slice(1)}$`));

    // The campaign: nothing is saved until the plan is asked for, and what is missing is said.
    await page.getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: "New campaign" }).first().click();
    await page.getByRole("button", { name: "Review plan" }).click();
    await expect(page.getByText("Name the campaign")).toBeVisible();
    await page.getByLabel("Campaign name").fill(`Weekend sale ${line}`);
    // A link to the app's own API docs: the tab the click opens has somewhere to land without the internet.
    const link = `${baseURL}/docs/api`;
    const text = `Hi {{first_name|there}}, 20% off this weekend: ${link}`;
    await page.getByLabel("Message").fill(text);
    // Links are tracked by default, with UTM parameters.
    await expect(page.getByLabel("Track links")).toBeChecked();
    await expect(page.getByTestId("shorten-links-detail")).toContainText("1 link becomes a short link");
    await expect(page.getByLabel(/Add UTM parameters/)).toBeChecked();
    await page.getByLabel("Add a list or segment to send to").selectOption({ label: segmentName });
    // New campaigns give the opt-out language to first-time recipients.
    await expect(page.getByRole("radio", { name: /First text only/ })).toBeChecked();
    await page.getByRole("button", { name: "Review plan" }).click();
    await expect(page).toHaveURL(/\/campaigns\/cmp_/);
    const campaignUrl = page.url();
    const plan = page.getByTestId("campaign-plan");
    await expect(plan.getByTestId("plan-recipients")).toHaveText("1");
    // Maya never had a marketing text: hers ends with the opt-out language, and the plan says so.
    await expect(plan.getByTestId("plan-opt-out")).toHaveText(/^Every recipient gets the opt-out language/);
    await expect(plan).toContainText("Finishes about");
    await shots(page, testInfo, "campaign-draft", "Finishes about", SIZES);

    // An unknown merge field is refused naming it; fixing it saves the draft again.
    await page.getByLabel("Message").fill("Hi {{frist_name}}, 20% off this weekend.");
    await expect(page.getByText(/Unknown merge field \{\{frist_name\}\}/)).toBeVisible();
    await page.getByLabel("Message").fill(text);
    await expect(page.getByText("Draft saved")).toBeVisible();

    await page.getByRole("button", { name: "Send now…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send to 1 recipient" }).click();

    // Results: the funnel fills in as the simulator delivers.
    const funnel = page.getByRole("list", { name: "Funnel" });
    await expect(funnel.getByRole("listitem").filter({ hasText: /^Delivered/ })).toContainText("1", { timeout: 60_000 });
    await expect(page.getByRole("img", { name: /sent, delivered and failed per/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Recipients" })).toContainText("Maya");

    // The contact got the text with their name in it, and answers.
    await page.goto(`/phones/${e164.slice(1)}`);
    const phone = page.getByRole("region", { name: `Phone ${e164}` });
    await expect(phone.getByRole("log", { name: "Messages" })).toContainText("Hi Maya, 20% off this weekend: ");
    await expect(phone.getByRole("log", { name: "Messages" })).toContainText("STOP");
    // The link in it is a short link of the app's, Maya's own, and opens in a new tab. A click within
    // seconds of delivery would be a scanner's (recorded, not counted): she reads the text first.
    const shortLink = phone.getByRole("link", { name: new RegExp(`^${baseURL}/l/[0-9A-Za-z]{7}$`) });
    await expect(shortLink).toHaveAttribute("target", "_blank");
    await page.waitForTimeout(6_000);
    const [tab] = await Promise.all([page.context().waitForEvent("page"), shortLink.click()]);
    await tab.waitForURL(/\/docs\/api\?utm_source=textstack&utm_medium=sms&utm_campaign=weekend-sale-\d+$/);
    await tab.close();
    await phone.getByLabel("Text message").fill("Yes please!");
    await phone.getByRole("button", { name: "Send" }).click();
    await expect(phone.locator("[data-direction=from-phone]").filter({ hasText: "Yes please!" })).toBeVisible();

    // The reply counts for the campaign.
    await page.goto(campaignUrl);
    await expect(page.getByRole("list", { name: "Funnel" }).getByRole("listitem").filter({ hasText: /^Replied in/ })).toContainText("1", { timeout: 20_000 });
    // So does the click: Maya in the funnel's "Clicked a link", on the chart of clicks, and behind the figure.
    const clicked = page.getByRole("list", { name: "Funnel" }).getByRole("listitem").filter({ hasText: /^Clicked a link/ });
    await expect(clicked).toContainText("1");
    await expect(page.getByRole("img", { name: /Clicks of the campaign's links per/ })).toBeVisible();
    await clicked.getByRole("button", { name: "1" }).click();
    await expect(page.getByRole("table", { name: "Recipients" })).toContainText("Maya");
    // And on the dashboard, among the period's people's clicks (read live, not from the minute's rollup).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByText(/^[1-9][\d,]* human clicks?$/)).toBeVisible();
    // Its figure opens the messages people clicked in the period: the campaign's text to Maya among them.
    await page.getByRole("link", { name: /^Click rate/ }).click();
    await expect(page.getByText(/clicked by a person/)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "20% off this weekend" }).first()).toBeVisible();
    await shots(page, testInfo, "messages-clicked", "Showing 1–1", SIZES);
    await page.goto(campaignUrl);
    await shots(page, testInfo, "campaign-results-clicks", "Click rate", SIZES);
    await shots(page, testInfo, "campaign-results", "Delivery rate", SIZES);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
    await expect(page.getByRole("table", { name: "Campaigns" })).toContainText(`Weekend sale ${line}`);
    await shots(page, testInfo, "campaigns-list", `Weekend sale ${line}`, SIZES);
  } finally {
    await restoreSimulator();
  }
});
