import { MAIN_PORT, SUBFOLDER_PORT } from '../../playwright.config';
import { expect, test } from './fixtures';

/**
 * Publishing: the sample essays built for http://127.0.0.1:<port>/library/ (a sub-folder,
 * as on GitHub Pages or any static host) work from there, link to themselves with absolute
 * canonical URLs, and ship a feed, a sitemap and robots.txt.
 */
const ORIGIN = `http://127.0.0.1:${SUBFOLDER_PORT}`;
const BASE = `${ORIGIN}/library/`;
test.use({ baseURL: BASE });

test('the app works from a sub-folder: list, reader, deep link, search, tags', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(ORIGIN) && !r.url().startsWith(BASE)) outside.push(r.url());
  });
  await page.goto(BASE);
  const first = page.locator('main .essay-card-title a').first();
  await expect(first).toHaveAttribute('href', /^\/library\/essays\//);
  await first.click();
  await expect(page).toHaveURL(/\/library\/essays\/[a-z0-9-]+$/);
  await expect(page.locator('.prose')).toBeVisible();
  // A deep link reloads from the server at its sub-folder address.
  await page.reload();
  await expect(page.locator('.prose')).toBeVisible();
  // Search loads its worker and index from under /library/ too.
  await page.goto(`${BASE}search?q=dryer`);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  await page.goto(`${BASE}tags/pedagogy`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('pedagogy');
  expect(outside, 'requests outside the base path').toEqual([]);
});

test('pages carry canonical URLs and Open Graph tags on the published address', async ({
  page,
}) => {
  await page.goto(`${BASE}essays/the-third-month?from=somewhere`);
  await expect(page.locator('.prose')).toBeVisible();
  const head = page.locator('head');
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${BASE}essays/the-third-month`,
  );
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(head.locator('meta[property="og:url"]')).toHaveAttribute(
    'content',
    `${BASE}essays/the-third-month`,
  );
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    /third month/i,
  );
  await expect(head.locator('meta[property="article:published_time"]')).toHaveCount(1);
  // Search results are not a page to index.
  await page.goto(`${BASE}search?q=reading`);
  await expect(head.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(head.locator('link[rel="canonical"]')).toHaveCount(0);
});

test('the feed, sitemap and robots.txt name every essay by its absolute URL', async ({
  page,
  request,
}) => {
  await page.goto(BASE);
  const feedHref = await page
    .locator('head link[rel="alternate"][type="application/atom+xml"]')
    .getAttribute('href');
  expect(feedHref).toBe('/library/feed.xml');
  const feed = await (await request.get(`${ORIGIN}${feedHref}`)).text();
  const sitemap = await (await request.get(`${BASE}sitemap.xml`)).text();
  const robots = await (await request.get(`${BASE}robots.txt`)).text();
  const essayLinks = [...sitemap.matchAll(/<loc>([^<]+\/essays\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(essayLinks).toHaveLength(24);
  expect(essayLinks.every((u) => u!.startsWith(`${BASE}essays/`))).toBe(true);
  expect(sitemap).toContain(`<loc>${BASE}tags/pedagogy</loc>`);
  expect([...feed.matchAll(/<entry>/g)]).toHaveLength(24);
  expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}feed.xml"/>`);
  expect(robots).toContain(`Sitemap: ${BASE}sitemap.xml`);
  // Every essay URL in the sitemap opens that essay.
  await page.goto(essayLinks[3]!);
  await expect(page.locator('.prose')).toBeVisible();
});

test('a site built without SITE_URL names no made-up address', async ({ request }) => {
  // The main test site is built without SITE_URL. It once shipped http://127.0.0.1:4173/ as
  // every page's canonical URL, in og:url, the feed and the sitemap.
  const main = `http://127.0.0.1:${MAIN_PORT}/`;
  const html = await (await request.get(`${main}essays/the-third-month`)).text();
  expect(html).toContain('class="prose');
  expect(html).not.toContain('rel="canonical"');
  expect(html).not.toContain('og:url');
  expect(html).not.toContain('127.0.0.1');
  expect(html).not.toContain('application/atom+xml');
  expect(await (await request.get(`${main}robots.txt`)).text()).not.toContain('Sitemap');
  const feed = await request.get(`${main}feed.xml`);
  expect(await feed.text()).not.toContain('<feed');
});
