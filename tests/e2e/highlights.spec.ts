import { EDITED_PORT, RETITLED_PORT } from '../../playwright.config';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { dragSelect, ESSAY, KEPT, openEssay, painted, REMOVED } from './support/highlights';
import { waitUntilOffline } from './support/offline';
import { startSwitchServer } from './support/switchServer';

/** Highlights and notes in the reader: made by mouse and keyboard, kept, found again. */

test.describe('highlights and notes', () => {
  test('highlight by mouse, add a note, reload and go offline: both are still there', async ({
    page,
    context,
  }) => {
    await openEssay(page, ESSAY);
    await waitUntilOffline(page, 24);
    await dragSelect(page, KEPT);
    const bar = page.getByRole('toolbar', { name: 'Highlight the selected words' });
    await bar.getByRole('button', { name: 'Highlight in green' }).click();
    await expect.poll(() => painted(page)).toEqual([`green: ${KEPT}`]);

    await dragSelect(page, REMOVED);
    await bar.getByRole('button', { name: 'Add a note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Note' });
    await dialog.getByLabel('Your note').fill('Relations, not machines.');
    await dialog.getByRole('button', { name: 'Save the note' }).click();
    await expect(dialog).toBeHidden();

    const list = page.getByRole('region', { name: 'Your highlights' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('Relations, not machines.');

    await page.reload();
    await expect.poll(() => painted(page)).toEqual([`green: ${KEPT}`, `green: ${REMOVED}`]);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => painted(page)).toHaveLength(2);
    await expect(page.getByRole('region', { name: 'Your highlights' })).toContainText(
      'Relations, not machines.',
    );
  });

  test('the highlight list and the note dialog pass axe, light and dark', async ({ page }) => {
    await openEssay(page, ESSAY);
    await dragSelect(page, KEPT);
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.getByLabel('Your note').fill('A note.');
    await page.getByRole('button', { name: 'Save the note' }).click();
    await expect(page.getByRole('region', { name: 'Your highlights' })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoAxeViolations(page);
    }
    await dragSelect(page, REMOVED);
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('after the essay is edited, a highlight is found again, and one whose words are gone is kept as detached', async ({
  page,
}) => {
  const host = await startSwitchServer(EDITED_PORT, 'dist-fixtures/update-v1');
  try {
    await openEssay(page, `${host.url}${ESSAY}`);
    await dragSelect(page, KEPT);
    await page.getByRole('button', { name: 'Highlight in blue' }).click();
    await dragSelect(page, REMOVED);
    await page.getByRole('button', { name: 'Highlight in pink' }).click();
    await expect.poll(() => painted(page)).toHaveLength(2);

    host.deploy('dist-fixtures/edited');
    await page.goto(`${host.url}/`);
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await openEssay(page, `${host.url}${ESSAY}`);
    await expect(page.locator('.prose')).toContainText('A paragraph added in a later edit');
    await expect.poll(() => painted(page)).toEqual([`blue: ${KEPT}`]);
    const list = page.getByRole('region', { name: 'Your highlights' });
    await expect(
      list.getByRole('heading', { name: 'Not found in the essay as it is now' }),
    ).toBeVisible();
    await expect(list.locator('.detached')).toContainText(REMOVED);
  } finally {
    await host.close();
  }
});

test('a highlight in an essay retitled since still leads to it, and lists its new title', async ({
  browser,
}) => {
  const host = await startSwitchServer(RETITLED_PORT, 'dist-fixtures/update-v1');
  // No service worker: the new build's pages are read as deployed.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const words = 'Below that, every trip needs planning.';
  try {
    await openEssay(page, `${host.url}/essays/the-bus-is-the-backbone`);
    await dragSelect(page, words);
    await page.getByRole('button', { name: 'Highlight in blue' }).click();
    await expect.poll(() => painted(page)).toEqual([`blue: ${words}`]);

    host.deploy('dist-fixtures/update-v2'); // the essay is now "… of the city"
    await page.goto(`${host.url}/highlights`);
    const item = page.getByRole('listitem').filter({ hasText: words });
    await item.getByRole('link', { name: 'the bus is the backbone' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/essays/the-bus-is-the-backbone-of-the-city#highlight-`),
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'the bus is the backbone of the city',
    );
    await expect.poll(() => painted(page)).toEqual([`blue: ${words}`]);

    // Opening the essay brought the highlight's record up to date.
    await page.goto(`${host.url}/highlights`);
    await expect(
      item.getByRole('link', { name: 'the bus is the backbone of the city' }),
    ).toHaveAttribute('href', /\/essays\/the-bus-is-the-backbone-of-the-city#/);
  } finally {
    await context.close();
    await host.close();
  }
});

test('where the browser blocks storage, highlighting, the Highlights page and export say so calmly', async ({
  page,
}) => {
  // As some private windows do: opening any database fails.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const blocked = /does not let the site keep highlights and notes/;
  await openEssay(page, ESSAY);
  await dragSelect(page, KEPT);
  await expect(page.getByRole('status').filter({ hasText: blocked })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Highlight the selected words' })).toHaveCount(0);
  // The key still tries, and says why nothing was kept.
  await page.keyboard.press('h');
  await expect(page.getByRole('alert')).toHaveText(blocked);
  await expect.poll(() => painted(page)).toEqual([]);

  await page.goto('/highlights');
  await expect(page.getByRole('status').filter({ hasText: blocked })).toBeVisible();
  await expect(page.getByText('Loading your highlights…')).toHaveCount(0);

  await page.goto('/library');
  await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
  await expect(page.getByRole('status').filter({ hasText: blocked })).toBeVisible();
});
