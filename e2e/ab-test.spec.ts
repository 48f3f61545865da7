import { expect, test } from "@playwright/test";
import { shots } from "./page-shots";
import { signInAsDemo } from "./sign-in-as-demo";
import { simulatorAlwaysDelivers } from "./simulator-outcomes";

test("an A/B campaign tests two variants on half the audience, picks the winner by reply rate after a minute and explains it", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const restoreSimulator = await simulatorAlwaysDelivers();
  try {
    await signInAsDemo(page);
    const name = `Brunch A/B ${String(Date.now()).slice(-4)}`;
    await page.getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: "New campaign" }).first().click();
    await page.getByLabel("Campaign name").fill(name);
    await page.getByLabel("Message").fill("Hi {{first_name|there}}, brunch is 20% off on Sunday.");
    await page.getByRole("button", { name: "A/B test: add a variant" }).click();
    // The message becomes variant A; B is empty, and saying so names it.
    await expect(page.getByRole("textbox", { name: "Variant A" })).toHaveValue("Hi {{first_name|there}}, brunch is 20% off on Sunday.");
    await page.getByLabel("Add a list or segment to send to").selectOption({ label: "Newsletter" });
    await page.getByRole("button", { name: "Review plan" }).click();
    await expect(page.getByText("Variant B: write a message or attach media")).toBeVisible();
    await page.getByRole("textbox", { name: "Variant B" }).fill("{{first_name|there}}, Sunday brunch for less: 20% off. Reply YUM to book.");
    await expect(page.getByRole("radio", { name: /Test, then send the winner/ })).toBeChecked();
    await page.getByLabel("Test share (%)").fill("50");
    await page.getByLabel("Wait unit").selectOption("minutes");
    await page.getByLabel("Pick the winner after").fill("1");
    await page.getByLabel("Winner by").selectOption({ label: "Reply rate" });
    await page.getByRole("button", { name: "Review plan" }).click();
    await expect(page).toHaveURL(/\/campaigns\/cmp_/);
    const campaignUrl = page.url();

    const plan = page.getByTestId("campaign-plan");
    await expect(plan.getByTestId("plan-ab")).toContainText("A/B test on 50%, then the winner");
    await expect(plan.getByRole("list", { name: "By variant" })).toContainText("A:");
    await expect(plan.getByTestId("plan-ab")).toContainText("more get the winner by reply rate");
    await shots(page, testInfo, "ab-draft", "A/B test on 50%");

    await page.getByRole("button", { name: "Send now…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: /^Send to/ }).click();

    // Before the decision: the results say when it comes; someone who got B replies.
    const ab = page.getByTestId("ab-results");
    await expect(ab).toContainText("The winner is picked", { timeout: 30_000 });
    await page.getByLabel("Variant", { exact: true }).selectOption({ label: "Variant B" });
    await page.getByLabel("Show recipients").selectOption({ label: "Delivered" });
    const toB = page.getByRole("link", { name: /^Message to \+/ }).first();
    await expect(toB).toBeVisible({ timeout: 60_000 });
    const e164 = (await toB.getAttribute("aria-label"))!.replace("Message to ", "");
    await page.goto(`/phones/${e164.slice(1)}`);
    const phone = page.getByRole("region", { name: `Phone ${e164}` });
    await expect(phone.getByRole("log", { name: "Messages" })).toContainText("Sunday brunch for less");
    await phone.getByLabel("Text message").fill("YUM");
    await phone.getByRole("button", { name: "Send" }).click();
    await expect(phone.locator("[data-direction=from-phone]").filter({ hasText: "YUM" })).toBeVisible();

    // After the minute: B wins on its reply, explained with the counts, and the rest get B.
    await page.goto(campaignUrl);
    const winner = page.getByTestId("ab-winner");
    await expect(winner).toContainText("Winner: variant B", { timeout: 150_000 });
    await expect(winner).toContainText(/B has the highest reply rate\. B: [\d.]+% reply rate, 1 of [\d,]+ delivered; A: 0\.0% reply rate, 0 of [\d,]+ delivered/);
    await expect(ab.getByRole("table", { name: "Results by variant" })).toContainText("The rest (B)");
    await expect(page.getByRole("img", { name: "Click and reply rate by variant" })).toBeVisible();
    await shots(page, testInfo, "ab-results", "Winner: variant B");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
    await expect(page.getByRole("table", { name: "Campaigns" }).getByRole("row").filter({ hasText: name })).toContainText("A/B, 2 variants, B won:");
    await shots(page, testInfo, "ab-list", name);
  } finally {
    await restoreSimulator();
  }
});
