// Issue 5's "done when", in a real browser: a developer who has only /docs/api creates a key and a
// webhook endpoint in the app, sends a message with the docs' own curl example (the real curl
// binary), and receives signed webhooks for its status that the standardwebhooks package verifies.
// It is also the webhooks UI's browser test: the endpoint list, the delivery log and replay.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { runInShell } from "./run-in-shell";
import { signInAsDemo } from "./sign-in-as-demo";
import { simulatorAlwaysDelivers } from "./simulator-outcomes";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./webhook-receiver";

// The reader's own phone: another 555-01xx number than the docs' example.
const MY_NUMBER = "+14155550142";
const EVENTS = ["message.queued", "message.sent", "message.delivered"] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Payload = { type: string; timestamp: string; data: { id: string; status: string; to: string } };

let receiver: WebhookReceiver;
let restoreSimulator: () => Promise<void>;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
  restoreSimulator = await simulatorAlwaysDelivers();
});

test.afterAll(async () => {
  await receiver?.close();
  await restoreSimulator?.();
});

// Copying with the Copy buttons reads the clipboard back, as pasting it would.
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function createApiKey(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Developers" }).click();
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: /Send messages/ }).check();
  await dialog.getByRole("checkbox", { name: /Read messages/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const field = dialog.getByRole("textbox", { name: "API key" });
  await expect(field).toHaveValue(/^tsk_live_[0-9A-Za-z]{40}$/);
  const token = await field.inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(name) })).toContainText("messages:send");
  return token;
}

async function createWebhookEndpoint(page: Page, url: string): Promise<string> {
  await page.getByRole("navigation", { name: "Developer sections" }).getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const form = page.getByRole("form", { name: "Add an endpoint" });
  await form.getByLabel("URL").fill(url);
  await form.getByLabel("Description (optional)").fill("Order notifications");
  for (const checkbox of await form.getByRole("checkbox").all()) await checkbox.uncheck();
  for (const type of EVENTS) await form.getByRole("checkbox", { name: new RegExp(escapeRegExp(type)) }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();

  const dialog = page.getByRole("dialog");
  const field = dialog.getByRole("textbox", { name: "Signing secret" });
  await expect(field).toHaveValue(/^whsec_[A-Za-z0-9+/=]+$/);
  await dialog.getByRole("button", { name: "Copy signing secret" }).click();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(await field.inputValue());
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row", { name: new RegExp(escapeRegExp(url)) });
  await expect(row).toContainText("Order notifications");
  await expect(row).toContainText(EVENTS.join(", "));
  await expect(row).toContainText("Enabled");
  return secret;
}

/** The docs' "Send a message" curl example, as the page shows it, with the reader's number put in. */
async function curlFromDocs(page: Page, baseURL: string): Promise<string> {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Textstack API", level: 1 })).toBeVisible();
  // The page says which number in the examples is a stand-in, and where the API lives.
  const howTo = await page.locator("#using-the-examples").innerText();
  const exampleNumber = /where the examples have (\+\d+)/.exec(howTo)?.[1];
  expect(exampleNumber, "the docs name the example number to replace").toBeDefined();
  const shownBase = (await page.locator("main header code").innerText()).trim();

  await page.getByRole("navigation", { name: "API reference" }).getByRole("link", { name: "Send a message", exact: true }).click();
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Send a message", exact: true }) });
  await expect(section).toBeInViewport();
  // Its description's `queued` is shown as code, not as the backticks it is written with.
  const description = section.locator("p").filter({ has: page.locator("code", { hasText: /^queued$/ }) });
  await expect(description).toHaveCount(1);
  await expect(description).not.toContainText("`");
  const example = (await section.getByRole("figure", { name: "curl" }).locator("code").innerText()).trim();
  expect(example).toContain(`${shownBase}/api/v1/messages`);
  expect(example).toContain("$TEXTSTACK_API_KEY");
  expect(example).toContain(exampleNumber!);
  return example.replaceAll(shownBase, baseURL.replace(/\/$/, "")).replaceAll(exampleNumber!, MY_NUMBER);
}

function verified(secret: string, webhook: ReceivedWebhook): Payload {
  return new Webhook(secret).verify(webhook.rawBody, webhook.headers) as Payload;
}

test("a developer follows /docs/api: a key, a webhook endpoint, a message sent with curl, its signed webhooks", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  await signInAsDemo(page);

  const token = await test.step("create an API key on the Developers page", () => createApiKey(page, `Journey ${String(Date.now()).slice(-5)}`));
  const secret = await test.step("add a webhook endpoint and copy its signing secret", () => createWebhookEndpoint(page, receiver.url));

  const sent = await test.step("send a message with the docs' curl example", async () => {
    const command = await curlFromDocs(page, baseURL!);
    const shot = testInfo.outputPath("docs-send-a-message.png");
    await page.screenshot({ path: shot });
    await testInfo.attach("docs: send a message", { path: shot, contentType: "image/png" });

    const result = await runInShell(`${command} --silent --show-error --write-out '\\n%{http_code}'`, { TEXTSTACK_API_KEY: token });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const body = result.stdout.slice(0, result.stdout.lastIndexOf("\n"));
    const status = result.stdout.slice(result.stdout.lastIndexOf("\n") + 1);
    expect(status, body).toBe("201");
    const message = JSON.parse(body) as Payload["data"];
    expect(message).toMatchObject({ id: expect.stringMatching(/^msg_/), status: "queued", to: MY_NUMBER });
    return message;
  });

  const forMessage = () => receiver.received.filter((w) => (JSON.parse(w.rawBody) as Payload).data?.id === sent.id);
  await test.step("receive its queued, sent and delivered webhooks, signed, in order", async () => {
    await expect.poll(() => forMessage().length, { timeout: 45_000 }).toBeGreaterThanOrEqual(EVENTS.length);
    const webhooks = forMessage();
    expect(webhooks).toHaveLength(EVENTS.length);
    expect(new Set(webhooks.map((w) => w.path))).toEqual(new Set([new URL(receiver.url).pathname]));
    const events = webhooks.map((w) => verified(secret, w));
    expect(events.map((e) => e.type)).toEqual([...EVENTS]);
    expect(events.map((e) => e.data.status)).toEqual(["queued", "sent", "delivered"]);
    expect(new Set(webhooks.map((w) => w.headers["webhook-id"])).size).toBe(EVENTS.length);
    // The check can fail: another secret does not verify the same request.
    expect(() => new Webhook(`whsec_${randomBytes(24).toString("base64")}`).verify(webhooks[0]!.rawBody, webhooks[0]!.headers)).toThrow();
  });

  await test.step("see the deliveries in the endpoint's log and replay one", async () => {
    await page.goto("/developers/webhooks");
    await page.getByRole("table", { name: "Webhook endpoints" }).getByRole("link", { name: receiver.url }).click();
    await expect(page.getByRole("heading", { name: receiver.url })).toBeVisible();
    const log = page.getByRole("table", { name: "Deliveries" });
    for (const type of EVENTS) {
      const row = log.getByRole("row").filter({ has: page.getByRole("button", { name: type, exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("succeeded");
      await expect(row.getByRole("cell").nth(3)).toHaveText("200");
    }
    const shot = testInfo.outputPath("webhook-deliveries.png");
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach("webhook delivery log", { path: shot, contentType: "image/png" });

    const delivered = forMessage()[2]!;
    await log.getByRole("button", { name: "message.delivered", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText(delivered.headers["webhook-id"], { exact: true })).toBeVisible();
    await expect(dialog.getByRole("list", { name: "Attempts" })).toContainText("HTTP 200");
    await dialog.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByText("Replay queued: the same event, with the same webhook-id")).toBeVisible();

    // The receiver gets the same event again: same webhook-id and body, freshly signed.
    await expect.poll(() => receiver.received.filter((w) => w.headers["webhook-id"] === delivered.headers["webhook-id"]).length, { timeout: 30_000 }).toBe(2);
    const again = receiver.received.filter((w) => w.headers["webhook-id"] === delivered.headers["webhook-id"])[1]!;
    expect(again.rawBody).toBe(delivered.rawBody);
    expect(verified(secret, again)).toMatchObject({ type: "message.delivered", data: { id: sent.id, status: "delivered" } });
    const deliveredRows = log.getByRole("row").filter({ has: page.getByRole("button", { name: "message.delivered", exact: true }) });
    await expect(deliveredRows).toHaveCount(2, { timeout: 15_000 });
    await expect(deliveredRows.filter({ hasText: "succeeded" })).toHaveCount(2, { timeout: 15_000 });
  });

  await test.step("delete the endpoint", async () => {
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page).toHaveURL(/\/developers\/webhooks$/);
    await expect(page.getByRole("link", { name: receiver.url })).toHaveCount(0);
  });
});
