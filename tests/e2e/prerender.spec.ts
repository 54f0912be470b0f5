import { expect, test } from './fixtures';

/**
 * Prerendered pages: real HTML first, then React takes over by hydration. The shared fixture
 * fails any test on a console error, and React reports every hydration mismatch as one.
 */

const ESSAY = '/essays/notes-on-keeping-a-reading-group-alive';

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('an essay page shows its title, body, tags, and its links work', async ({ page }) => {
    await page.goto(ESSAY);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'notes on keeping a reading group alive',
    );
    await expect(page.locator('.prose p').first()).toBeVisible();
    expect((await page.locator('.prose').innerText()).length).toBeGreaterThan(1000);
    await expect(page).toHaveTitle('notes on keeping a reading group alive · Essays');
    // A tag link leads to that tag's page, itself real HTML.
    const tag = page.locator('.reader-header a[href^="/tags/"]').first();
    const label = (await tag.innerText()).trim();
    await tag.click();
    await expect(page).toHaveURL(/\/tags\//);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
    // And from there, back into another essay and to the list.
    await page.locator('main .essay-card-title a').first().click();
    await expect(page).toHaveURL(/\/essays\//);
    await expect(page.locator('.prose')).toBeVisible();
    await page.getByRole('link', { name: 'All essays' }).click();
    await expect(page.locator('main .essay-card')).toHaveCount(20);
  });
});

const ROUTE_KINDS: [string, string][] = [
  ['list', '/'],
  ['tags', '/tags'],
  ['tag', '/tags/pedagogy'],
  ['themes', '/themes'],
  ['theme', '/themes/cities_transit'],
  ['essay', ESSAY],
  ['search', '/search'],
];

for (const [kind, url] of ROUTE_KINDS) {
  test(`${kind} (${url}) is prerendered and hydrates without a warning`, async ({
    page,
    request,
  }) => {
    // The HTML itself holds the page before any script runs.
    const html = await (await request.get(url)).text();
    expect(html).toContain(`data-prerendered="${url}"`);
    expect(html).toMatch(/<main id="main"[^>]*>.+<\/main>/s);
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('data-render', 'hydrated');
    await expect(page.locator('head title')).toHaveCount(1);
    // Client navigation takes over: no full page load on the next click.
    await page.evaluate(() => ((window as { __samePage?: boolean }).__samePage = true));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Themes' })
      .click();
    await expect(page).toHaveURL(/\/themes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');
    expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
  });
}

test.describe('a returning reader', () => {
  // The first visit installs the service worker, which answers later navigations with the
  // unrendered shell (by design: old HTML never meets new data). This test is about the
  // prerendered HTML itself, so the worker is kept out; otherwise it raced the second visit.
  test.use({ serviceWorkers: 'block' });

  test('saved settings, progress and list context hydrate cleanly, then show', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(
      ([essay]) => {
        localStorage.setItem(
          'essays:v1:settings',
          JSON.stringify({ size: 'l', width: 'wide', font: 'sans', theme: 'sepia' }),
        );
        localStorage.setItem(
          'essays:v1:progress',
          JSON.stringify({
            [essay!.slice('/essays/'.length)]: { position: 0.5, at: 1, read: false },
          }),
        );
      },
      [ESSAY],
    );
    await page.goto(ESSAY);
    await expect(page.locator('html')).toHaveAttribute('data-render', 'hydrated');
    // Applied before first paint by the boot script, and kept through hydration.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    // What only this browser knows appears right after hydration.
    await expect(page.getByRole('button', { name: 'Resume where you left off' })).toBeVisible();
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('radio', { name: 'Sepia' })).toBeChecked();
  });
});

test('a URL the build did not render (a filtered list) renders in the browser instead', async ({
  page,
}) => {
  await page.goto('/?tag=pedagogy');
  await expect(page.locator('html')).toHaveAttribute('data-render', 'client');
  await expect(page.locator('main .essay-card')).toHaveCount(4);
  await expect(page.locator('head title')).toHaveCount(1);
});

test('404.html is the not-found page, for static hosts that serve it', async ({ request }) => {
  const response = await request.get('/404.html');
  expect(response.ok()).toBe(true);
  const html = await response.text();
  expect(html).toContain('No page here');
  expect(html).toContain('<meta name="robots" content="noindex"/>');
});

test.describe('the first essay page', () => {
  // The service worker would precache every asset, parser included; this is about the page.
  test.use({ serviceWorkers: 'block' });

  test('is adopted as prerendered: the markdown parser loads only for the next essay', async ({
    page,
  }) => {
    const parser: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/Markdown-[^/]+\.js$/.test(r.url())) parser.push(r.url());
    });
    await page.goto(ESSAY);
    await expect(page.locator('html')).toHaveAttribute('data-render', 'hydrated');
    await expect(page.locator('.prose p').first()).toBeVisible();
    // The page is interactive (the settings menu opens) without the parser.
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('radio', { name: 'Sepia' })).toBeVisible();
    await page.keyboard.press('Escape');
    expect(parser).toEqual([]);
    // The next essay is rendered from its markdown, so the parser comes now.
    const before = await page.getByRole('heading', { level: 1 }).innerText();
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(before);
    await expect(page.locator('.prose p').first()).toBeVisible();
    expect(parser).toHaveLength(1);
    // And back: the first essay, now rendered by React from its markdown, reads the same.
    await page.keyboard.press('k');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(before);
    expect((await page.locator('.prose').innerText()).length).toBeGreaterThan(1000);
  });
});

test('the app script starts after the prerendered page has painted, never before', async ({
  page,
}) => {
  await page.goto(ESSAY);
  await expect(page.locator('html')).toHaveAttribute('data-render', 'hydrated');
  const [paint, script] = await page.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    performance.getEntriesByType('resource').find((r) => /\/assets\/index-[^/]+\.js$/.test(r.name))
      ?.startTime ?? NaN,
  ]);
  expect(paint).toBeGreaterThan(0);
  expect(script).toBeGreaterThanOrEqual(paint);
});
