import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, type Lang, shot, signIn, walkThroughTheApp } from "./support";

test.use({ viewport: { width: 1366, height: 900 } });

for (const lang of ["de", "en"] as Lang[]) {
  test(`no page has a critical or serious accessibility violation (${lang})`, async ({ page }) => {
    await walkThroughTheApp(page, lang, async (name) => {
      await expectNoSeriousA11yViolations(page, `${name} (${lang})`);
      await shot(page, `${name}-${lang}`);
    });
  });
}

test("the keyboard reaches the content first through a visible skip link, and a focused field shows a ring", async ({ page }) => {
  await signIn(page, "koordination@demo.example");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await shot(page, "skip-link-de");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  const search = page.getByRole("main").getByRole("textbox").first();
  await search.focus();
  await expect(search).toHaveCSS("outline-style", "solid");
  await shot(page, "focus-ring-de");
});
