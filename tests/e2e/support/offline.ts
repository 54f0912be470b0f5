import { expect, type Page } from '@playwright/test';

/** Waits until the service worker is activated and controls the page, and the archive is saved. */
export async function waitUntilOffline(page: Page, essays: number) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return registration.active?.state;
  });
  await expect(page.locator('.offline-status')).toContainText(
    `Available offline · ${essays} essays`,
    { timeout: 20_000 },
  );
}
