// Workflow runs end to end: a workflow built on the canvas (JOIN → welcome → wait for reply → a text
// per branch), published; a virtual phone texts JOIN, gets the welcome, replies YES and gets the YES
// branch's text, while the run's page lights its path step by step. Then enrolment by list, a second
// version and the waiting run moved onto it (the phone then gets version 2's text), the contact's
// Workflows card, a test run and its cancel. An org of its own: its JOIN rule and texts must not mix
// with the demo org's, which other specs count and give their own JOIN rules.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { shots } from "./page-shots";
import { signUpWithNewOrg } from "./sign-up-new-org";

const EVERY = [[1440, "light"], [1440, "dark"], [390, "light"], [390, "dark"]] as const;
const PHONE = "+14155552301";

const step = (page: Page, type: string) => page.locator(`.react-flow__node [data-step-type=${type}]`);
const palette = (page: Page, name: string) => page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name, exact: true });
const panel = (page: Page) => page.getByRole("complementary", { name: /^(Step|Workflow) settings$/ });

/** The types of the lit steps on the canvas, and which is marked current. */
async function litSteps(page: Page) {
  const lit = page.locator(".react-flow__node [data-lit=true]");
  const types = (await lit.evaluateAll((els) => els.map((el) => el.getAttribute("data-step-type") ?? ""))).sort();
  const current = await page.locator(".react-flow__node [data-current=true]").evaluateAll((els) => els.map((el) => el.getAttribute("data-step-type")));
  return { types, current };
}

/** A dialog's screenshots at each width and scheme: the page reloaded (the theme is read at load), the dialog opened by `open`. */
async function dialogShots(page: Page, testInfo: TestInfo, name: string, open: () => Promise<void>) {
  for (const [width, scheme] of EVERY) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await open();
    const path = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`${name} at ${width} px, ${scheme}`, { path, contentType: "image/png" });
    // Focus off the fields first: Escape in a search field clears it rather than closing the dialog.
    await page.getByRole("dialog").getByRole("heading").click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
}

test("a JOIN workflow runs for a virtual phone, its run's page lights the path step by step; enrol, a new version, waiting runs moved, a test run canceled", async ({ page, context }, testInfo) => {
  test.setTimeout(420_000);
  await signUpWithNewOrg(page, { name: "Rita Runs", emailPrefix: "e2e-runs", orgName: "Run Club Coffee" });

  // The org keyword rule the trigger names.
  await page.goto("/settings/keywords");
  await page.getByRole("button", { name: "New rule" }).click();
  const ruleDialog = page.getByRole("dialog");
  await ruleDialog.getByLabel("Name").fill("Join the club");
  await ruleDialog.getByLabel("Keywords").fill("JOIN");
  await ruleDialog.getByLabel("Add tags").fill("club");
  await ruleDialog.getByRole("button", { name: "Create rule" }).click();
  await expect(ruleDialog).toBeHidden();

  // Built on the canvas: trigger → welcome → wait for reply → Yes / No / Other texts, No reply → Exit.
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().click();
  await page.getByRole("dialog").getByLabel("Workflow name").fill("JOIN RSVP");
  await page.getByRole("dialog").getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/workflows\/wf_/);
  const editorUrl = page.url();
  await palette(page, "Trigger").click();
  await panel(page).getByLabel("Keyword rule").selectOption({ label: "JOIN (Join the club)" });
  await palette(page, "Send message").click();
  await panel(page).getByLabel("Message").fill("Welcome to the club! Reply YES or NO");
  await palette(page, "Wait for reply").click();
  await palette(page, "Send message").click();
  await panel(page).getByLabel("Message").fill("Great, see you Saturday!");
  const wait = step(page, "wait_for_reply");
  for (const body of ["No worries, maybe next time.", "Please reply YES or NO."]) {
    await page.getByRole("button", { name: "Fit to view" }).click();
    await wait.click();
    await palette(page, "Send message").click();
    await panel(page).getByLabel("Message").fill(body);
  }
  await page.getByRole("button", { name: "Fit to view" }).click();
  await wait.click();
  await palette(page, "Exit").click();
  await expect(page.getByTestId("problems")).toBeHidden();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();

  // The Runs tab: nothing yet; enrol and test run offered (published, active), moving runs not (one version).
  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/workflows\/wf_[^/]+\/runs$/);
  const runsUrl = page.url();
  await expect(page.getByText("No runs yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enrol contacts" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Test run" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move waiting runs" })).toHaveCount(0);

  // A virtual phone (a page of its own) texts JOIN and gets the welcome.
  const phonePage = await context.newPage();
  await phonePage.goto("/phones");
  await phonePage.getByRole("button", { name: "New phone" }).click();
  await phonePage.getByRole("dialog").getByLabel("Phone number").fill("(415) 555-2301");
  await phonePage.getByRole("dialog").getByRole("button", { name: "Open phone" }).click();
  const phone = phonePage.getByRole("region", { name: `Phone ${PHONE}` });
  const screen = phone.getByRole("log", { name: "Messages" });
  const text = async (body: string) => {
    await phone.getByLabel("Text message").fill(body);
    await phone.getByRole("button", { name: "Send" }).click();
    await expect(screen.locator("[data-direction=from-phone]").filter({ hasText: body }).last()).toBeVisible();
  };
  const received = (body: string) => screen.locator("[data-direction=to-phone]").filter({ hasText: body });
  await text("JOIN");
  await expect(received("Welcome to the club! Reply YES or NO")).toHaveCount(1, { timeout: 30_000 });

  // Its run: listed as active, waiting for the reply; its page lights trigger, welcome and the wait (here now).
  await page.bringToFront();
  const row = page.locator("tr[data-run-id]");
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toContainText("Wait for reply: waiting for a reply");
  await expect(row.locator("[data-run-status]")).toHaveText("Active");
  // The counters on the canvas: one run entered the welcome, one waits at the reply.
  await expect(step(page, "wait_for_reply").locator("[data-count=waiting]")).toHaveText("1", { timeout: 15_000 });
  await expect(step(page, "send_message").filter({ hasText: "Welcome to the club" }).locator("[data-count=entered]")).toHaveText("1", { timeout: 15_000 });
  // A step chosen on the canvas narrows the table to the runs there: the wait has it, the welcome none.
  await step(page, "wait_for_reply").click();
  await expect(page.getByTestId("runs-at-step")).toHaveText("At Wait for reply (v1)");
  await expect(row).toHaveCount(1);
  await step(page, "send_message").filter({ hasText: "Welcome to the club" }).click();
  await expect(page.getByText("No runs at this step")).toBeVisible();
  await page.getByRole("button", { name: "Show runs at every step" }).click();
  await expect(page.getByTestId("runs-at-step")).toBeHidden();
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: PHONE }).click();
  await expect(page).toHaveURL(/\/runs\/wfr_/);
  const runUrl = page.url();
  await expect(page.getByTestId("run-place")).toHaveText(/^Wait for reply: waiting for a reply until /);
  expect(await litSteps(page)).toEqual({ types: ["send_message", "trigger", "wait_for_reply"], current: ["wait_for_reply"] });
  await expect(page.locator(".react-flow__node [data-lit=true]").filter({ hasText: "Welcome to the club" })).toHaveCount(1);
  await expect(page.getByTestId("run-timeline").getByTestId("step-sent")).toContainText("Welcome to the club! Reply YES or NO");
  await expect(page.getByRole("button", { name: "Cancel run" })).toBeVisible();

  // The phone replies YES: the YES branch's text arrives, and the page (polling) lights the YES send.
  await phonePage.bringToFront();
  await text("YES");
  await expect(received("Great, see you Saturday!")).toHaveCount(1, { timeout: 30_000 });
  await page.bringToFront();
  await expect(page.locator("h1 + [data-run-status]")).toHaveText("Completed", { timeout: 15_000 });
  await expect(page.getByTestId("run-place")).toHaveText("Completed: reached the end");
  expect(await litSteps(page)).toEqual({ types: ["send_message", "send_message", "trigger", "wait_for_reply"], current: [] });
  await expect(page.locator(".react-flow__node [data-lit=true]").filter({ hasText: "Great, see you Saturday!" })).toHaveCount(1);
  for (const unlit of ["No worries", "Please reply YES or NO"]) await expect(page.locator(".react-flow__node [data-lit=true]").filter({ hasText: unlit })).toHaveCount(0);
  await expect(step(page, "exit")).not.toHaveAttribute("data-lit");
  const timeline = page.getByTestId("run-timeline");
  await expect(timeline.getByTestId("step-outcome")).toHaveText(["→ Yes"]);
  await expect(timeline.getByTestId("step-reply")).toContainText("YES");
  await expect(timeline.getByTestId("step-sent")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await expect(page.getByTestId("trigger-data")).toContainText("text “JOIN”");
  await expect(page.getByTestId("trigger-data")).toContainText("rule “Join the club”");
  await shots(page, testInfo, "workflow-run", page.locator(".react-flow__node [data-lit=true]").first());

  // The contact's page: a Workflows card with this run, linking to its page.
  await page.getByRole("link", { name: PHONE }).first().click();
  await expect(page).toHaveURL(/\/contacts\/ct_/);
  const contactUrl = page.url();
  const card = page.getByTestId("contact-runs");
  await expect(card.getByRole("listitem")).toHaveCount(1);
  await expect(card).toContainText("JOIN RSVP");
  await expect(card.locator("[data-run-status]")).toHaveText("Completed");

  // Enrolment by list: the contact put in a list, the list enrolled, the phone welcomed again.
  await page.goto("/lists");
  await page.getByRole("button", { name: "Create list" }).first().click();
  await page.getByLabel("List name").fill("Club members");
  await page.getByRole("dialog").getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("row", { name: /Club members/ })).toBeVisible();
  await page.goto(contactUrl);
  await page.getByRole("button", { name: "Add to list" }).click();
  await expect(page.getByRole("link", { name: "Club members" })).toBeVisible();
  await page.goto(runsUrl);
  const openEnrol = async () => {
    await page.getByRole("button", { name: "Enrol contacts" }).click();
    await page.getByRole("dialog").getByLabel("Club members").check();
  };
  await dialogShots(page, testInfo, "workflow-enrol-dialog", openEnrol);
  await openEnrol();
  await page.getByRole("dialog").getByRole("button", { name: "Enrol", exact: true }).click();
  await expect(page.getByTestId("enrolled")).toHaveText("1 contact enrolled. Their runs start now.");
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await expect(received("Welcome to the club! Reply YES or NO")).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator("tr[data-run-id]").first()).toContainText("Wait for reply: waiting for a reply", { timeout: 15_000 });

  // A second version (the YES text changed); the waiting run moved onto it by the mapping.
  await page.goto(editorUrl);
  await step(page, "send_message").filter({ hasText: "Great, see you Saturday!" }).click();
  await panel(page).getByLabel("Message").fill("Great, see you Saturday at 6!");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByText("Published version 2")).toBeVisible();
  await page.goto(runsUrl);
  const openMigrate = async () => {
    await page.getByRole("button", { name: "Move waiting runs" }).click();
    await expect(page.getByRole("dialog").getByLabel(/Wait for reply: .*\(1 run waiting\)/)).toBeVisible();
  };
  await dialogShots(page, testInfo, "workflow-migrate-dialog", openMigrate);
  await openMigrate();
  const migrate = page.getByRole("dialog");
  await expect(migrate.getByLabel("From")).toHaveValue(/wfv_/);
  await expect(migrate.getByLabel(/Wait for reply: .*\(1 run waiting\)/)).not.toHaveValue("");
  await migrate.getByRole("button", { name: "Move runs" }).click();
  await expect(page.getByTestId("moved")).toHaveText("1 run moved. They go on in the new version when their wait ends.");
  await migrate.getByRole("button", { name: "Done" }).click();
  await text("yes");
  await expect(received("Great, see you Saturday at 6!")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator("tr[data-run-id]").first().locator("[data-run-status]")).toHaveText("Completed", { timeout: 15_000 });
  await expect(page.locator("tr[data-run-id]").first()).toContainText("v2");

  // The runs view, now with two runs and version 2's counters.
  await shots(page, testInfo, "workflow-runs", page.locator("tr[data-run-id]").first());
  await page.goto(contactUrl);
  await expect(page.getByTestId("contact-runs").getByRole("listitem")).toHaveCount(2);
  await shots(page, testInfo, "contact-workflows-card", page.getByTestId("contact-runs"));

  // A test run: the contact found by search, the run's page opened (marked a test), then canceled.
  await page.goto(runsUrl);
  const openTest = async () => {
    await page.getByRole("button", { name: "Test run" }).click();
    await page.getByRole("dialog").getByLabel("Find a contact").fill("2301");
    await expect(page.getByRole("dialog").getByRole("button", { name: new RegExp(PHONE.slice(1)) })).toBeVisible();
  };
  await dialogShots(page, testInfo, "workflow-test-run-dialog", openTest);
  await openTest();
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(PHONE.slice(1)) }).click();
  await expect(page).toHaveURL(/\/runs\/wfr_/);
  expect(page.url()).not.toBe(runUrl);
  await expect(page.getByText("Test run", { exact: true })).toBeVisible();
  await expect(page.locator(".react-flow__node [data-lit=true][data-step-type=trigger]")).toHaveCount(1, { timeout: 15_000 });
  await page.getByRole("button", { name: "Cancel run" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel run" }).click();
  await expect(page.locator("h1 + [data-run-status]")).toHaveText("Canceled");
  await expect(page.getByTestId("run-place")).toContainText("Canceled by");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);

  // A test run on a number no contact has yet (a virtual phone's): it becomes a contact and gets the welcome.
  await page.goto(runsUrl);
  await page.getByRole("button", { name: "Test run" }).click();
  await page.getByRole("dialog").getByLabel("Find a contact").fill("+1 415 555 0142");
  await page.getByRole("dialog").getByRole("button", { name: /A new contact: \+1 415 555 0142/ }).click();
  await expect(page).toHaveURL(/\/runs\/wfr_/);
  await expect(page.getByText("Test run", { exact: true })).toBeVisible();
  await expect(page.getByTestId("run-timeline").getByTestId("step-sent")).toContainText("Welcome to the club! Reply YES or NO", { timeout: 15_000 });
});
