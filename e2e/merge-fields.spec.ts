import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG_NAME } from "../prisma/demo";
import { signInAsDemo } from "./sign-in-as-demo";
import { withDb } from "./simulator-outcomes";

// Three contacts of the demo org (a fixture in the e2e database, as simulator-outcomes.ts makes
// one): two to preview and send to, and one who opted out.
const ADA = { id: "ct_e2emergefieldsada0000000", phone: "+14155550166", firstName: "Ada", points: 120 };
const BOB = { id: "ct_e2emergefieldsbob0000000", phone: "+14155550167", firstName: "Bobbie", points: 7 };
const OTTO = { id: "ct_e2emergefieldsotto000000", phone: "+14155550168", firstName: "Otto", points: 1 };

test.beforeAll(async () => {
  await withDb(async (client) => {
    for (const c of [ADA, BOB, OTTO]) {
      await client.query(
        `INSERT INTO "Contact" (id, "orgId", phone, "firstName", "lastName", "customFields", "consentStatus", "updatedAt")
         SELECT $1, o.id, $2, $3, 'Mergewell', $4::jsonb, $5::"ConsentStatus", now() FROM "Organization" o WHERE o.name = $6
         ON CONFLICT DO NOTHING`,
        [c.id, c.phone, c.firstName, JSON.stringify({ points: c.points }), c === OTTO ? "OPTED_OUT" : "OPTED_IN", DEMO_ORG_NAME],
      );
    }
  });
});

// The theme follows the system when the page loads (components/app/theme.tsx); a colour scheme
// emulated later is applied as that script would, without a reload that would lose the form.
async function darken(page: Page) {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
}

async function shoot(page: Page, name: string, target: ReturnType<Page["getByRole"]>, testInfo: { outputPath: (name: string) => string; attach: (name: string, options: { path: string; contentType: string }) => Promise<void> }) {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("a contact's text with merge fields: an unknown field said as typed, previewed as two contacts, sent filled in", async ({ page }, testInfo) => {
  await signInAsDemo(page);
  await page.goto(`/contacts/${ADA.id}`);
  await page.getByRole("button", { name: "Send a text" }).click();
  const form = page.getByRole("form", { name: "New message" });
  await expect(form.getByLabel("To", { exact: true })).toHaveValue(ADA.phone);
  const message = form.getByLabel("Message", { exact: true });

  await message.fill("Hi {{frist_name}}");
  await expect(form.getByRole("alert").filter({ hasText: "Unknown merge field {{frist_name}}" })).toBeVisible();
  await expect(form.getByTestId("send-preview")).toBeHidden();
  await shoot(page, "compose-unknown-field-1440", form, testInfo);

  await message.fill("Hi {{first_name}}, you have {{custom.points}} points.");
  const preview = form.getByTestId("send-preview");
  await expect(preview.getByTestId("preview-as")).toHaveText("Ada Mergewell");
  await expect(preview.getByTestId("preview-text")).toHaveText("Hi Ada, you have 120 points.");
  // The meter counts Ada's text (28 characters), not the template's 52.
  await expect(form.getByTestId("compose-chars-left").first()).toHaveText("132 characters left");
  await shoot(page, "compose-preview-1440", form, testInfo);

  await preview.getByRole("button", { name: "Preview as another contact" }).click();
  await preview.getByLabel("Find a contact to preview as").fill("Bobbie");
  await preview.getByRole("button", { name: /Bobbie Mergewell/ }).click();
  await expect(preview.getByTestId("preview-text")).toHaveText("Hi Bobbie, you have 7 points.");

  await page.setViewportSize({ width: 390, height: 900 });
  await shoot(page, "compose-preview-390", form, testInfo);
  await darken(page);
  await shoot(page, "compose-preview-390-dark", form, testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "compose-preview-1440-dark", form, testInfo);

  // Sent to the recipient (Ada), filled in for her.
  await form.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText(`Message to ${ADA.phone} queued`)).toBeVisible();
  const sent = page.getByTestId("contact-messages").locator("li", { hasText: "Hi Ada, you have 120 points." });
  await expect(sent).toHaveCount(1);
  await sent.getByRole("link").click();
  await expect(page.getByTestId("message-body")).toHaveText("Hi Ada, you have 120 points.");
});

test("the owner choosing transactional to an opted-out contact is warned before sending", async ({ page }, testInfo) => {
  await signInAsDemo(page);
  await page.goto(`/contacts/${OTTO.id}`);
  await page.getByRole("button", { name: "Send a text" }).click();
  const form = page.getByRole("form", { name: "New message" });
  await form.getByLabel("Message", { exact: true }).fill("Your order #1042 has shipped.");
  const warning = form.getByTestId("opted-out-warning");
  await expect(warning).toHaveText("Otto Mergewell opted out: a marketing message to them is refused.");
  await form.getByLabel(/Transactional/).check();
  await expect(warning).toContainText("Otto Mergewell opted out. A transactional message still reaches them");
  await shoot(page, "compose-transactional-opted-out-1440", form, testInfo);
  await darken(page);
  await page.setViewportSize({ width: 390, height: 900 });
  await shoot(page, "compose-transactional-opted-out-390-dark", form, testInfo);
});
