import { expect, test } from "@playwright/test";
import { DEMO_ORG_NAME } from "../prisma/demo";
import { signInAsDemo } from "./sign-in-as-demo";

// Runs after phones.spec.ts (files run in name order): the connection and sender added here would
// otherwise be choices on the pages the earlier specs use.
test("an admin connects Twilio, adds a short code on it, cannot delete the connection in use, and rewrites the HELP reply", async ({ page }, testInfo) => {
  await signInAsDemo(page);
  // Names of this run's own, so a retry on the same database does not meet the first attempt's rows.
  const tag = String(Date.now()).slice(-5);
  const twilio = `Twilio ${tag}`;
  const shortCode = `7${tag}`;

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Connections" }).click();
  const connections = page.getByRole("table", { name: "Carrier connections" });
  await expect(connections.getByRole("row", { name: /Simulator/ })).toBeVisible();

  // Settings are checked per kind, the error beside the setting.
  await page.getByRole("button", { name: "Add connection" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(twilio);
  await dialog.getByLabel("Kind").selectOption({ label: "Twilio" });
  await dialog.getByLabel("Account SID").fill("AC123");
  await dialog.getByLabel("Auth token").fill("twilio-auth-token");
  await dialog.getByLabel("Price per SMS segment").fill("0.0083");
  await dialog.getByRole("button", { name: "Add connection" }).click();
  await expect(dialog.getByText("Account SID must be AC followed by 32 hexadecimal characters")).toBeVisible();
  await dialog.getByLabel("Account SID").fill(`AC${"0123456789abcdef".repeat(2)}`);
  await dialog.getByRole("button", { name: "Add connection" }).click();
  await expect(dialog).toBeHidden();

  const twilioRow = connections.getByRole("row", { name: new RegExp(twilio) });
  await expect(twilioRow).toContainText("$0.0083 / $0.00");
  await twilioRow.getByText("Webhook URLs for Twilio").click();
  await expect(twilioRow.getByLabel("Incoming messages URL")).toHaveValue(/\/api\/carriers\/twilio\/conn_[0-9a-z]+\/inbound$/);
  await expect(twilioRow.getByLabel("Status callback URL")).toHaveValue(/\/api\/carriers\/twilio\/conn_[0-9a-z]+\/status$/);

  // The token is write-only: the edit form has it blank, with "••••" saying one is saved.
  await twilioRow.getByRole("button", { name: `Edit ${twilio}` }).click();
  await expect(dialog.getByLabel("Auth token")).toHaveValue("");
  await expect(dialog.getByLabel("Auth token")).toHaveAttribute("placeholder", "••••");
  expect(await page.content()).not.toContain("twilio-auth-token");
  await dialog.getByLabel("Price per MMS").fill("0.02");
  await dialog.getByRole("button", { name: "Save connection" }).click();
  await expect(dialog).toBeHidden();
  await expect(twilioRow).toContainText("$0.0083 / $0.02");
  const shot = testInfo.outputPath("connections-settings.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("connections settings", { path: shot, contentType: "image/png" });

  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Senders" }).click();
  await page.getByRole("button", { name: "Add sender" }).click();
  await dialog.getByLabel("Kind").selectOption({ label: "Short code" });
  await dialog.getByLabel("Number or sender ID").fill("12");
  await dialog.getByLabel("Connection").selectOption({ label: `${twilio} (Twilio)` });
  await dialog.getByRole("button", { name: "Add sender" }).click();
  await expect(dialog.getByText("A short code is 3 to 8 digits")).toBeVisible();
  await dialog.getByLabel("Number or sender ID").fill(shortCode);
  await dialog.getByRole("button", { name: "Add sender" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Sender numbers" }).getByRole("row", { name: new RegExp(shortCode) })).toContainText(twilio);

  // A connection in use cannot go: the refusal says which sender holds it.
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Connections" }).click();
  await connections.getByRole("button", { name: `Delete ${twilio}` }).click();
  await dialog.getByRole("button", { name: "Delete connection" }).click();
  await expect(page.getByText(`${twilio} is used by the sender ${shortCode}`)).toBeVisible();
  await expect(connections.getByRole("row", { name: new RegExp(twilio) })).toBeVisible();

  // Keyword replies: the built-in wording as placeholder, the segment count following the text.
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Keywords" }).click();
  const help = page.getByLabel("Reply to help");
  await expect(help).toHaveAttribute("placeholder", `${DEMO_ORG_NAME}: Reply STOP to unsubscribe. Msg&data rates may apply.`);
  // Blank sends the built-in reply, and the count is of that.
  await help.fill("");
  await expect(page.getByTestId("helpReply-segments")).toHaveText(/^1 segment \(GSM-7/);
  await help.fill(`${DEMO_ORG_NAME} ☕ help: call (415) 555-0100, 7am–7pm every day, or reply STOP to opt out of all messages from us.`);
  await expect(page.getByTestId("helpReply-segments")).toHaveText(/^2 segments \(UCS-2/);
  await page.getByRole("button", { name: "Save replies" }).click();
  await expect(page.getByText("Keyword replies saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Reply to help")).toHaveValue(/☕ help: call/);
});
