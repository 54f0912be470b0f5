import { expect, expectNoAxeViolations, test } from './fixtures';

test('the list shows every sample essay and opens one in the reader', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'All essays' })).toBeVisible();
  await expect(page.locator('.results-count')).toHaveText('24 essays, page 1 of 2');
  await expect(page.locator('.essay-card-title a')).toHaveCount(20);
  // (axe on the list, in both themes: accessibility.spec.ts.)

  await page.getByRole('link', { name: 'notes on keeping a reading group alive' }).click();
  await expect(page).toHaveURL(/\/essays\/notes-on-keeping-a-reading-group-alive$/);
  await expect(page).toHaveTitle('notes on keeping a reading group alive · Essays');
  // The reader's own axe checks are in reader.spec.ts and accessibility.spec.ts.
});

test('the reader shows the title once, bare URLs as links and 1) lists as lists', async ({
  page,
}) => {
  await page.goto('/essays/notes-on-keeping-a-reading-group-alive');
  const article = page.locator('article.reader');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(
    'notes on keeping a reading group alive',
  );
  await expect(
    page.getByText('notes on keeping a reading group alive', { exact: true }),
  ).toHaveCount(1);

  const link = article.getByRole('link', { name: 'https://t.co/Rg7pLm2Qx1' });
  await expect(link).toHaveAttribute('href', 'https://t.co/Rg7pLm2Qx1');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  const items = article.locator('.prose ol > li');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('The text gets hard before the habit is formed.');
  await expect(article.locator('.prose')).toContainText(
    'the groups that last are not the clever ones',
  );
});

test('the reader renders tables and footnotes from the sample essays', async ({ page }) => {
  await page.goto('/essays/prices-are-not-values-and-that-is-fine');
  await expect(page.locator('.prose table tbody tr')).toHaveCount(4);
  const ref = page.locator('.prose sup a').first();
  await ref.click();
  await expect(page).toHaveURL(/#user-content-fn-1$/);
  await expectNoAxeViolations(page);
});

test('an unknown essay gets a real not-found page', async ({ page }) => {
  await page.goto('/essays/no-such-essay');
  await expect(page.getByRole('heading', { level: 1, name: 'No page here' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the list of essays' })).toBeVisible();
  await expectNoAxeViolations(page);
});
