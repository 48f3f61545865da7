import { expect, test, type Locator, type Page } from "@playwright/test";
import { mediaBytes } from "../tests/support/media-fixtures";
import { shots } from "./page-shots";
import { signInAsDemo } from "./sign-in-as-demo";

async function makeSignupRule(page: Page) {
  await page.goto("/settings/keywords");
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Sign up");
  await dialog.getByLabel("Keywords").fill("SIGNUP");
  await dialog.getByLabel("Add tags").fill("club");
  await dialog.getByRole("button", { name: "Create rule" }).click();
  await expect(dialog).toBeHidden();
}

/** Drag to connect: from an output's handle to a step's input handle. */
async function dragConnect(page: Page, from: Locator, to: Locator) {
  // Where the handles are once the canvas is still (a fit-to-view animates the viewport): a box read
  // mid-animation put the press on the step's body, which moved the step instead of connecting.
  const still = async (handle: Locator) => {
    for (let previous = await handle.boundingBox(); ; ) {
      await page.waitForTimeout(150);
      const box = await handle.boundingBox();
      if (box && previous && box.x === previous.x && box.y === previous.y) return box;
      previous = box;
    }
  };
  const a = await still(from);
  const b = await still(to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const step = (page: Page, type: string) => page.locator(`.react-flow__node [data-step-type=${type}]`);
const palette = (page: Page, name: string) => page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name, exact: true });
const panel = (page: Page) => page.getByRole("complementary", { name: /^(Step|Workflow) settings$/ });

test("a marketer builds SIGNUP → welcome → wait for reply → a text per branch on the canvas, sees a dangling branch pinned, publishes, and finds it after a reload", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signInAsDemo(page);
  await makeSignupRule(page);

  await page.getByRole("link", { name: "Workflows" }).first().click();
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New workflow" }).first().click();
  await page.getByRole("dialog").getByLabel("Workflow name").fill("SIGNUP welcome");
  await page.getByRole("dialog").getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/workflows\/wf_/);
  await expect(page.getByText("Start with a trigger: what makes a contact enter.")).toBeVisible();
  // An empty canvas offers the trigger first.
  await expect(palette(page, "Send message")).toBeDisabled();

  // The trigger: the SIGNUP keyword rule (the demo org's JOIN is the keywords spec's).
  await palette(page, "Trigger").click();
  await expect(step(page, "trigger")).toContainText("Choose a keyword rule");
  await panel(page).getByLabel("Keyword rule").selectOption({ label: "SIGNUP (Sign up)" });
  await expect(step(page, "trigger")).toContainText("Keyword: SIGNUP");

  // Each click hangs the new step from the chosen one's first open output.
  await palette(page, "Send message").click();
  await panel(page).getByLabel("Message").fill("Welcome to the club! Reply YES or NO");
  await palette(page, "Wait for reply").click();
  await expect(step(page, "wait_for_reply")).toContainText("Yes");
  await palette(page, "Send message").click();
  await panel(page).getByLabel("Message").fill("Great, see you Saturday!");

  // The No branch is dangling: pinned on the wait, listed, and publishing is refused naming it.
  const wait = step(page, "wait_for_reply");
  await expect(wait.getByTestId("step-problem")).toContainText('The "No" branch leads nowhere');
  await expect(page.getByTestId("problems")).toContainText('Wait for reply: The "No" branch leads nowhere');
  await page.getByRole("button", { name: "Fit to view" }).click();
  await expect(wait).toBeInViewport({ ratio: 0.99 });
  await page.screenshot({ path: testInfo.outputPath("workflow-editor-problem-1280-light.png") });

  for (const body of ["No worries, maybe next time.", "Please reply YES or NO."]) {
    await page.getByRole("button", { name: "Fit to view" }).click();
    await wait.click();
    await expect(panel(page).getByRole("heading", { name: "Wait for reply" })).toBeVisible();
    await palette(page, "Send message").click();
    await panel(page).getByLabel("Message").fill(body);
  }
  await expect(wait.getByTestId("step-problem")).toContainText('Connect the "No reply" branch');
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("publish-error")).toContainText('Cannot publish: Wait for reply: Connect the "No reply" branch: what happens when they do not answer');

  // An exit step, placed on its own (nothing chosen), then joined by dragging from "No reply".
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await palette(page, "Exit").click();
  await expect(step(page, "exit").getByTestId("step-problem")).toContainText("Not connected to the trigger");
  await page.getByRole("button", { name: "Tidy up" }).click();
  await page.getByRole("button", { name: "Fit to view" }).click();
  await dragConnect(page, wait.locator('[data-testid$="-timeout"]'), step(page, "exit").locator(".react-flow__handle-top"));
  await expect(page.getByTestId("problems")).toBeHidden();
  await expect(step(page, "send_message")).toHaveCount(4);

  // Undo takes the connection back; redo restores it.
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(wait.getByTestId("step-problem")).toContainText('Connect the "No reply" branch');
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(page.getByTestId("problems")).toBeHidden();

  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  await expect(page.getByText("Version 1", { exact: true })).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  // Persisted: the same steps after a reload, and an edit afterwards is an unpublished change.
  await page.reload();
  await expect(step(page, "send_message")).toHaveCount(4);
  await expect(step(page, "trigger")).toContainText("Keyword: SIGNUP");
  await expect(page.getByText("Version 1", { exact: true })).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toBeHidden();
  await step(page, "exit").click();
  await page.keyboard.press("ControlOrMeta+d");
  await expect(step(page, "exit")).toHaveCount(2);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  // Undone back to what was published: no unpublished changes.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(step(page, "exit")).toHaveCount(1);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await expect(page.getByText("Unpublished changes")).toBeHidden();

  // The welcome text becomes an MMS with a merge field put in at the cursor; both are kept after a reload.
  const welcome = step(page, "send_message").filter({ hasText: "Welcome to the club" });
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await welcome.click();
  const body = panel(page).getByLabel("Message", { exact: true });
  await body.focus();
  await body.press("ControlOrMeta+Home");
  await panel(page).getByLabel("Insert a merge field").selectOption({ label: "First name" });
  await expect(body).toHaveValue("{{first_name}}Welcome to the club! Reply YES or NO");
  await body.press("End");
  await panel(page).getByTestId("media-picker-input").setInputFiles({ name: "club-card.png", mimeType: "image/png", buffer: Buffer.from(mediaBytes("png", 4_000)) });
  await expect(panel(page).getByRole("list", { name: "Attached media" }).getByRole("listitem")).toHaveCount(1);
  await expect(welcome).toContainText("MMS, 1 attachment · {{first_name}}Welcome");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await welcome.click();
  await expect(panel(page).getByRole("list", { name: "Attached media" }).getByRole("listitem")).toHaveCount(1);
  await expect(panel(page).getByLabel("Message", { exact: true })).toHaveValue("{{first_name}}Welcome to the club! Reply YES or NO");

  await shots(page, testInfo, "workflow-editor", page.locator(".react-flow__node").first());
  await page.goto("/workflows");
  const row = page.getByRole("row").filter({ hasText: "SIGNUP welcome" });
  await expect(row).toContainText("Keyword: SIGNUP");
  await expect(row).toContainText("v1");
  await shots(page, testInfo, "workflows-list", "SIGNUP welcome");
});
