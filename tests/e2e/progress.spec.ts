import { RENAME_PORT } from '../../playwright.config';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startSwitchServer } from './support/switchServer';

/** Reading progress is the reader's own record: no tab, rename or full store may lose it. */

const BUS = '/essays/the-bus-is-the-backbone';
const READ = { name: '✓ Read' };

/** Scrolls to the end of the essay, which marks it read, as a reader does. */
async function readToTheEnd(page: Page) {
  await expect(page.locator('.prose')).toBeVisible();
  // Again until it counts: on a loaded machine the first scroll can still be moving when
  // the position is saved (as in reader.spec.ts).
  await expect(async () => {
    await page.mouse.wheel(0, 100_000);
    await expect(page.getByRole('button', READ)).toBeVisible({ timeout: 1000 });
  }).toPass();
}
const THIRD = '/essays/the-third-month';

test('two tabs marking essays read keep both marks', async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto(BUS);
  await other.goto(THIRD);
  // Both tabs have read the record by now; each marks its own essay.
  await readToTheEnd(page);
  await readToTheEnd(other);

  // The first tab sees the other's mark without a reload, and both survive one.
  await page.goto(THIRD);
  await expect(page.getByRole('button', READ)).toBeVisible();
  await page.goto(BUS);
  await expect(page.getByRole('button', READ)).toBeVisible();
  await other.close();
});

test('a retitled essay keeps its read mark (progress follows the thread id)', async ({
  browser,
}) => {
  const host = await startSwitchServer(RENAME_PORT, 'dist-fixtures/update-v1');
  // No service worker: this is about what the new build's pages read from storage.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${host.url}${BUS}`);
    await page.locator('html[data-render]').waitFor({ state: 'attached' });
    await readToTheEnd(page);

    host.deploy('dist-fixtures/update-v2');
    await page.goto(`${host.url}${BUS}-of-the-city`);
    await page.locator('html[data-render]').waitFor({ state: 'attached' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'the bus is the backbone of the city',
    );
    await expect(page.getByRole('button', READ)).toBeVisible();
  } finally {
    await context.close();
    await host.close();
  }
});

test('progress saved by the previous version (keyed by slug) is kept', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((slug) => {
    localStorage.setItem(
      'essays:v1:progress',
      JSON.stringify({ [slug]: { position: 1, at: 1, read: true } }),
    );
  }, THIRD.slice('/essays/'.length));
  await page.goto(THIRD);
  await expect(page.getByRole('button', READ)).toBeVisible();
  const stored = await page.evaluate(() => localStorage.getItem('essays:v1:progress'));
  expect(JSON.parse(stored!)).toMatchObject({
    version: 2,
    entries: { thread_1185: { read: true } },
  });
});
