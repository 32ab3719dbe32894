import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, type Lang, shot, signIn, walkThroughTheApp } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

for (const lang of ["de", "en"] as Lang[]) {
  test(`on a phone no page scrolls sideways and the header fits (${lang})`, async ({ page }) => {
    await walkThroughTheApp(page, lang, async (name) => {
      await expectNoHorizontalScroll(page);
      const header = page.getByRole("banner").first();
      if ((await header.count()) > 0) {
        // Nothing in the header spills over (the controls used to cover the app's name).
        expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
      }
      await shot(page, `${name}-${lang}`);
    });
  });
}

test("on a phone the menu closes after choosing an entry", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  const menu = page.getByRole("button", { name: "Navigation" });
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link", { name: "Benutzer" })).not.toBeInViewport();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Benutzer" })).toBeInViewport();
  await shot(page, "menu-open-de");
  await nav.getByRole("link", { name: "Benutzer" }).click();
  await expect(page.getByRole("heading", { name: "Benutzer", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Audit-Log" })).not.toBeInViewport();
  // A shut drawer is out of the keyboard's reach, too: no focus lands on links nobody can see.
  await nav.getByRole("link", { name: "Audit-Log" }).focus();
  await expect(nav.getByRole("link", { name: "Audit-Log" })).not.toBeFocused();
  // Sign-out and role, hidden in the header on a phone, are in the menu.
  await menu.click();
  await expect(nav.getByRole("button", { name: "Abmelden" })).toBeInViewport();
});

test("on a phone the new-account dialog fills the screen instead of hanging over its edge", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/verwaltung/benutzer");
  await page.getByRole("button", { name: "Neues Konto" }).click();
  const dialog = page.getByRole("dialog", { name: "Neues Konto" });
  await expect(dialog).toHaveCSS("opacity", "1");
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(dialog.getByRole("button", { name: "Anlegen" })).toBeInViewport();
  await expect(dialog.getByLabel("Name")).toBeInViewport();
  await expectNoHorizontalScroll(page);
});
