import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

const EVERY = [[1440, "light"], [1440, "dark"], [390, "light"], [390, "dark"]] as const;

/** The page at each width and colour scheme, kept with the test's output; `ready` is text (or an element) to wait for after each reload. */
export async function shots(page: Page, testInfo: TestInfo, name: string, ready: string | Locator, sizes: readonly (readonly [number, "light" | "dark"])[] = EVERY) {
  for (const [width, scheme] of sizes) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    // The theme is read as the page loads (components/app/theme.tsx).
    await page.reload();
    await expect(typeof ready === "string" ? page.getByText(ready).first() : ready).toBeVisible();
    const path = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name} at ${width} px, ${scheme}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
}
