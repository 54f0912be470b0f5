import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * A phone's first screen shows essays, not filters: below the wide layout the filters fold
 * behind one control that says how many are on; on a wide screen the sidebar is as before.
 */

const PHONE = { width: 390, height: 844 };
const LISTS = [
  ['the home page', '/'],
  ['a tag page', '/tags/group-dynamics'],
  ['a theme page', '/themes/cities_transit'],
  ['search', '/search?q=reading'],
] as const;

const firstEssayLink = (page: Page) => page.locator(':is(.essay-card, .search-hit) h2 a').first();

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  for (const [name, url] of LISTS)
    test(`${name} shows its first essay on the first screen`, async ({ page }) => {
      await page.goto(url);
      const link = firstEssayLink(page);
      await expect(link).toBeVisible();
      const box = (await link.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      // The filters, where the page has them, are folded: one control, not the panel.
      const filters = page.locator('details.filters-disclosure');
      if ((await filters.count()) > 0) {
        await expect(filters).not.toHaveAttribute('open');
        await expect(page.getByRole('group', { name: /Tags/ })).toBeHidden();
      }
    });

  test('the prerendered list is already folded, before any script runs', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('details.filters-disclosure')).not.toHaveAttribute('open');
    const box = (await firstEssayLink(page).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    // And it still opens with no script at all.
    await page.locator('details.filters-disclosure > summary').click();
    await expect(page.getByRole('group', { name: /Tags/ })).toBeVisible();
    await context.close();
  });

  test('opening the filters, choosing a tag and folding them narrows the list, kept in the URL', async ({
    page,
  }) => {
    await page.goto('/');
    const control = page.locator('details.filters-disclosure > summary');
    await expect(control).toHaveText('Filters');
    await control.click();
    await page
      .locator('.filter-options label')
      .filter({ hasText: /^\s*group dynamics \(/ })
      .getByRole('checkbox')
      .check();
    await expect(page).toHaveURL(/tag=group-dynamics/);
    await expect(control).toHaveText('Filters · 1');
    await control.click();
    await expect(page.locator('details.filters-disclosure')).not.toHaveAttribute('open');
    await expect(page.locator('.results-count')).toHaveText('4 essays');
    // The choice stays in view as a removable chip above the results.
    await expect(page.getByRole('button', { name: /Tag: group dynamics/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('on a wide screen the filters stay open beside the list', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await expect(page.locator('details.filters-disclosure')).toHaveAttribute('open');
  await expect(page.getByRole('group', { name: /Tags/ })).toBeVisible();
  const [filters, results] = await Promise.all([
    page.locator('.browse-filters').boundingBox(),
    page.locator('.browse-results').boundingBox(),
  ]);
  expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
});
