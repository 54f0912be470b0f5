import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const results = (page: Page) => page.locator('.browse-results .essay-card');
const count = (page: Page) => page.locator('.results-count');
const tagOption = (page: Page, name: string) =>
  page.locator('.filter-options label').filter({ hasText: new RegExp(`^\\s*${name} \\(`) });

/*
 * The filters' journey in three short tests (one long one ran past its limit on a loaded
 * machine): combining them, the URL that reproduces the view, and history.
 */
const COMBINED = '/?tag=group-dynamics&tag=pedagogy&theme=organizing_study-groups&length=quick';
const COMBINED_TITLES = ['facilitation is not chairing', 'notes on keeping a reading group alive'];

test('filters combine and their counts follow', async ({ page }) => {
  await page.goto('/');
  await expect(count(page)).toHaveText('24 essays, page 1 of 2');

  await tagOption(page, 'group dynamics').getByRole('checkbox').check();
  await expect(page).toHaveURL(/\?tag=group-dynamics$/);
  await expect(count(page)).toHaveText('4 essays');
  // The other tags' counts now say how many of these 4 carry them.
  await expect(tagOption(page, 'pedagogy')).toContainText('(3)');

  await tagOption(page, 'pedagogy').getByRole('checkbox').check();
  await expect(count(page)).toHaveText('3 essays');
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'study groups (3)' });
  await expect(count(page)).toHaveText('3 essays');
  await page.getByLabel('Up to 3 min').check();
  await expect(count(page)).toHaveText('2 essays');
  await expect(page).toHaveURL(
    /tag=group-dynamics&tag=pedagogy&theme=organizing_study-groups&length=quick/,
  );
  await expect(page.getByLabel('4–7 min')).toBeDisabled();
  expect(await results(page).locator('h2').allTextContents()).toEqual(COMBINED_TITLES);
});

test('a copied URL opens the same filtered view', async ({ page }) => {
  await page.goto(COMBINED);
  await expect(count(page)).toHaveText('2 essays');
  expect(await results(page).locator('h2').allTextContents()).toEqual(COMBINED_TITLES);
  await expect(page.getByRole('checkbox', { name: /pedagogy/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Up to 3 min/ })).toBeChecked();
  await expectNoAxeViolations(page);
});

test('back and forward step through the filter changes', async ({ page }) => {
  await page.goto('/');
  await tagOption(page, 'group dynamics').getByRole('checkbox').check();
  await expect(count(page)).toHaveText('4 essays');
  await tagOption(page, 'pedagogy').getByRole('checkbox').check();
  await expect(count(page)).toHaveText('3 essays');
  await page.getByLabel('Up to 3 min').check();
  await expect(count(page)).toHaveText('2 essays');
  await page.goBack();
  await expect(count(page)).toHaveText('3 essays');
  await expect(page.getByLabel('Any length')).toBeChecked();
  await page.goBack();
  await expect(count(page)).toHaveText('4 essays');
  await page.goForward();
  await expect(count(page)).toHaveText('3 essays');
});

test('sorting, paging and clearing live in the URL', async ({ page }) => {
  await page.goto('/?sort=shortest');
  await expect(results(page).first().locator('h2')).toHaveText('cut the first paragraph');
  await page.getByLabel('Sort').selectOption('longest');
  await expect(page).toHaveURL(/\?sort=longest$/);
  await expect(results(page).first().locator('h2')).toHaveText(
    'a year of reading capital in a laundromat',
  );
  await page.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/sort=longest&page=2$/);
  await expect(results(page)).toHaveCount(4);
  await page.reload();
  await expect(results(page)).toHaveCount(4);
  await expect(page.getByLabel('Sort')).toHaveValue('longest');
});

test('an impossible combination says which filter to drop', async ({ page }) => {
  await page.goto('/?tag=parking&tag=pedagogy');
  await expect(
    page.getByRole('heading', { name: 'No essays match all of these filters' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Drop the tag “parking”' }).click();
  await expect(count(page)).toHaveText('4 essays');
  await page.goto('/?tag=parking&tag=pedagogy&length=long');
  await page.getByRole('button', { name: 'Clear all filters' }).first().click();
  await expect(count(page)).toHaveText('24 essays, page 1 of 2');
  // (axe on this empty state: accessibility.spec.ts, "no results list".)
});

test('unknown and stale values in a URL are ignored, not a crash', async ({ page }) => {
  await page.goto(
    '/?tag=no-such-tag&theme=%E2%9C%A8&length=forever&sort=sideways&page=-3&from=2024-13&to=banana',
  );
  await expect(count(page)).toHaveText('24 essays, page 1 of 2');
  await page.goto('/?page=99');
  await expect(count(page)).toHaveText('24 essays, page 2 of 2');
});

test('tags: index with counts, sort and quick filter; a tag page with its companions', async ({
  page,
}) => {
  await page.goto('/tags');
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
  await expect(page.locator('.term-index li').first()).toContainText('organizing › study groups 5');
  await page.getByLabel('Sort').selectOption('name');
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.locator('.term-index li').first()).toContainText('attention');
  await page.getByLabel('Filter tags').fill('dyn');
  await expect(page.locator('.term-index li')).toHaveCount(1);
  await page.getByRole('link', { name: 'group dynamics' }).click();

  await expect(page).toHaveURL(/\/tags\/group-dynamics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'group dynamics' })).toBeVisible();
  await expect(count(page)).toHaveText('4 essays');
  await expect(page.locator('.related-terms')).toContainText('pedagogy 3');
  await page.getByLabel('Sort').selectOption('shortest');
  await expect(results(page).first().locator('h2')).toHaveText('the third month');
  // (axe on /tags and a tag page, in both themes: accessibility.spec.ts.)
});

test('themes: grouped by area with counts, top tags and newest; a theme page', async ({ page }) => {
  await page.goto('/themes');
  await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
  const marxism = page
    .locator('.theme-group')
    .filter({ has: page.getByRole('heading', { name: /marxism/ }) });
  await expect(marxism.locator('.theme-card')).toHaveCount(2);
  await expect(marxism).toContainText('historical materialism');
  await expect(marxism).toContainText('political economy');

  await marxism.getByRole('link', { name: 'historical materialism' }).click();
  await expect(page).toHaveURL(/\/themes\/marxism_historical-materialism$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'historical materialism' }),
  ).toBeVisible();
  await expect(count(page)).toHaveText('3 essays');
  await expect(page.locator('.related-terms')).toContainText('theory');
  // (axe on /themes and a theme page, in both themes: accessibility.spec.ts.)
});

test('unknown essay, tag and theme URLs get a 404 view with the closest matches', async ({
  page,
}) => {
  await page.goto('/essays/notes-on-keeping-a-reading-grup');
  await expect(page.getByRole('heading', { level: 1, name: 'No page here' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'notes on keeping a reading group alive' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/tags/pedagogi');
  await expect(page.getByRole('link', { name: 'pedagogy' }).last()).toBeVisible();
  await page.goto('/themes/cities_transitt');
  await expect(page.getByRole('link', { name: 'cities › transit' })).toBeVisible();
  await page.goto('/no/such/place');
  await expect(page.getByRole('heading', { level: 1, name: 'No page here' })).toBeVisible();
});

test('a tag or theme slug naming no real character gets the 404 view, not an error', async ({
  page,
}) => {
  // `~110000.` escapes a code point past U+10FFFF: it once threw a RangeError.
  for (const url of ['/tags/~110000.', '/themes/a~ffffff.b']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'No page here' })).toBeVisible();
  }
});
