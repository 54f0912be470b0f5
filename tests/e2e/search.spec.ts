import { expect, expectNoAxeViolations, test } from './fixtures';

test('a misspelled word from the middle of an essay finds it, as you type', async ({ page }) => {
  await page.goto('/tags');
  const box = page.getByRole('searchbox', { name: 'Search essays' });
  await box.click();
  await box.pressSequentially('laundramat', { delay: 20 });
  await expect(page).toHaveURL(/\/search\?q=laundramat$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    '1 essay matches “laundramat”.',
  );
  const hit = page.locator('.search-hit').first();
  await expect(hit.getByRole('heading')).toHaveText('a year of reading capital in a laundromat');
  await expect(hit.locator('mark').first()).toHaveText('laundromat');
  // (The results page's axe check is in accessibility.spec.ts.)
  // Typing replaced history entries instead of stacking one per letter.
  await page.goBack();
  await expect(page).toHaveURL(/\/tags$/);
});

test('/ focuses search from any page; a body word with a typo ranks its essay first', async ({
  page,
}) => {
  await page.goto('/essays/the-third-month');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('the third month');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search essays' })).toBeFocused();
  await page.keyboard.type('facilitaton');
  await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(
    'facilitation is not chairing',
  );
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Search essays' })).toBeFocused();
});

test('opening a result scrolls the reader to the match and highlights it', async ({ page }) => {
  await page.goto('/search?q=dryer');
  // The excerpt comes from the body (the word is not in the title or description).
  await expect(
    page.locator('.search-hit').first().locator('.essay-card-description mark').first(),
  ).toHaveText('dryer');
  await page.locator('.search-hit a').first().click();
  await expect(page).toHaveURL(/\/essays\/a-year-of-reading-capital-in-a-laundromat\?hl=dryer/);
  const mark = page.locator('.prose mark.search-hit').first();
  await expect(mark).toHaveText('dryer');
  await expect(mark).toBeInViewport();
  await expectNoAxeViolations(page);
});

test('a shared ?q= URL gives the same results, and filters narrow them', async ({
  page,
  context,
}) => {
  await page.goto('/search?q=reading');
  await expect(page.getByRole('main').getByRole('status')).toContainText('essays match');
  const titles = await page.locator('.search-hit h2 a').allTextContents();
  expect(titles.length).toBeGreaterThan(3);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('.search-hit h2 a')).toHaveText(titles);
  await other.close();

  await page.goto('/search?q=reading&tag=pedagogy');
  await expect(page.getByRole('button', { name: 'Remove filter: Tag: pedagogy' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText('match');
  const within = await page.locator('.search-hit h2 a').allTextContents();
  expect(within.length).toBeGreaterThan(0);
  expect(within.length).toBeLessThan(titles.length);
  await page.getByRole('button', { name: 'Remove filter: Tag: pedagogy' }).click();
  await expect(page.locator('.search-hit h2 a')).toHaveCount(titles.length);
});

test('two letters swapped, even in a short word, find what the word spelled right finds', async ({
  page,
}) => {
  const status = page.getByRole('main').getByRole('status');
  const titles = page.locator('.search-hit h2 a');
  const box = page.getByRole('searchbox', { name: 'Search essays' });
  for (const [right, swapped] of [
    ['city', 'ctiy'],
    ['bus', 'ubs'],
  ] as const) {
    await page.goto(`/search?q=${right}`);
    await expect(status).toContainText(`match “${right}”`);
    const found = await titles.allTextContents();
    expect(found.length).toBeGreaterThan(1);
    await box.fill('');
    await box.pressSequentially(swapped, { delay: 20 });
    await expect(status).toContainText(`match “${swapped}”`);
    // The essays the word spelled right ranks first are found (ranking may differ a little:
    // "city" still being typed also matches "cities").
    await expect(titles).not.toHaveCount(0);
    const typo = await titles.allTextContents();
    expect(typo).toEqual(expect.arrayContaining(found.slice(0, 2)));
  }
});

test('a date filter on a search shows as a chip, and removing it keeps the query', async ({
  page,
}) => {
  const titles = page.locator('.search-hit h2 a');
  await page.goto('/search?q=reading');
  await expect(page.getByRole('main').getByRole('status')).toContainText('essays match');
  const all = await titles.count();
  await page.goto('/search?q=reading&from=2026-01');
  const chip = page.getByRole('button', { name: 'Remove filter: Date: 2026-01 to …' });
  await expect(chip).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText('match “reading”');
  const narrowed = await titles.count();
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(all);
  await expectNoAxeViolations(page);
  await chip.click();
  await expect(page).toHaveURL(/\/search\?q=reading$/);
  await expect(titles).toHaveCount(all);
  await expect(chip).toHaveCount(0);
});

test('letters typed into the search box before the app has started are kept and searched', async ({
  page,
  baseURL,
}) => {
  // Hold the app's scripts back, as a slow phone would, while the reader starts typing.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await held;
    await route.continue();
  });
  // (The frame's own goto: the fixture's would wait for the app, which is held.)
  await page.mainFrame().goto(new URL('/search', baseURL).href);
  const box = page.getByRole('searchbox', { name: 'Search essays' });
  await box.pressSequentially('laundromat');
  release();
  await page.locator('html[data-render]').waitFor({ state: 'attached' });
  await expect(box).toHaveValue('laundromat');
  await expect(page).toHaveURL(/\/search\?q=laundromat$/);
  await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(
    'a year of reading capital in a laundromat',
  );
});

test('empty, stop-words-only and no-result searches each explain themselves', async ({ page }) => {
  await page.goto('/search');
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'Search the titles, tags, themes and full text of 24 essays.',
  );
  await page.goto('/search?q=the%20of%20and%20');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    '“the of and” holds only very common words. Add a more specific word.',
  );
  await page.goto('/search?q=lxnudrmoat%20');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'No essays match “lxnudrmoat”.',
  );
  await page.getByRole('link', { name: 'laundromat' }).click();
  await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(
    'a year of reading capital in a laundromat',
  );
  await expectNoAxeViolations(page);
});

test('quoted words must appear exactly', async ({ page }) => {
  await page.goto('/search?q=%22laundramat%22');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'No essays match “"laundramat"”.',
  );
  await page.goto('/search?q=%22dryer%20door%22');
  await expect(page.locator('.search-hit')).toHaveCount(1);
});
