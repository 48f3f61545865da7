import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./sign-in-as-demo";

test("an admin creates an API key, sends a request with it, and revokes it", async ({ page }, testInfo) => {
  await signInAsDemo(page);
  const name = `Checkout ${String(Date.now()).slice(-5)}`;

  await page.getByRole("link", { name: "Developers" }).click();
  const tabs = page.getByRole("navigation", { name: "Developer sections" });
  await expect(tabs.getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Webhooks" })).toHaveAttribute("href", "/developers/webhooks");
  await expect(page.getByRole("textbox", { name: "Account SID" })).toHaveValue(/^AC[0-9a-f]{32}$/);

  // Scopes are required; the error says so beside them.
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  for (const scope of ["Send messages", "Read messages"]) await dialog.getByRole("checkbox", { name: new RegExp(scope) }).uncheck();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Choose at least one scope")).toBeVisible();
  await dialog.getByRole("checkbox", { name: /Read messages/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();

  // Shown once: copy it now.
  const tokenField = dialog.getByRole("textbox", { name: "API key" });
  await expect(tokenField).toHaveValue(/^tsk_live_[0-9A-Za-z]{40}$/);
  const token = await tokenField.inputValue();
  const shot = testInfo.outputPath("api-key-created.png");
  await page.screenshot({ path: shot });
  await testInfo.attach("API key created", { path: shot, contentType: "image/png" });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  expect(await page.content()).not.toContain(token);

  const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`tsk_live_…${token.slice(-4)}`);
  await expect(row).toContainText("messages:read");
  await expect(row).toContainText("Never");

  const headers = { Authorization: `Bearer ${token}` };
  const listed = await page.request.get("/api/v1/messages?limit=1", { headers });
  expect(listed.status()).toBe(200);
  expect(listed.headers()["ratelimit-limit"]).toBeDefined();
  const send = await page.request.post("/api/v1/messages", { headers, data: { to: "+14155550100", body: "Hi" } });
  expect(send.status()).toBe(403);
  expect((await send.json()).error.code).toBe("insufficient_scope");

  await page.reload();
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await page.request.get("/api/v1/messages", { headers });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("revoked_api_key");
});
