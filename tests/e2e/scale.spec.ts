import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LARGE_PORT } from '../../playwright.config';
import type { PackTable } from '../../src/domain/packs';
import { expect, test } from './fixtures';
import { LARGE_COUNT } from './support/large';

/**
 * The archive in pieces (docs/decisions/0011-archive-at-scale.md), on a synthetic archive of
 * 120 essays: a page loads only its own slice, and what needs the whole archive (filters,
 * search, offline) still covers all of it.
 */
test.use({ baseURL: `http://127.0.0.1:${LARGE_PORT}` });

/** The data files a page asked for, as `kind/` or `kind.` prefixes (`pages/`, `manifest.`). */
function watchData(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (r) => {
    const m = /\/data\/(.+)$/.exec(new URL(r.url()).pathname);
    if (m) files.push(m[1]!);
  });
  return files;
}
const kinds = (files: string[]) => [...new Set(files.map((f) => /^[a-z]+[./]/.exec(f)![0]))].sort();

// An essay deep in the archive (the build wrote one page per essay).
const slugs = readdirSync('dist-fixtures/large/essays')
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();
const SLUG = slugs[Math.floor(slugs.length / 2)]!;

test.describe('first visit, no service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a deep link to an essay reads and hydrates without the whole index', async ({ page }) => {
    const files = watchData(page);
    await page.goto(`/essays/${SLUG}`);
    await expect(page.locator('html')).toHaveAttribute('data-render', 'hydrated');
    await expect(page.locator('.prose p').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: /Previous and next/ })).toBeVisible();
    // Its manifest, its slug's bucket, its page file and its body: no index, no summaries.
    expect(kinds(files)).toEqual(['essays/', 'manifest.', 'pages/', 'slugs/']);
    expect(files.filter((f) => f.startsWith('essays/'))).toHaveLength(1);
  });

  test('the list’s first screen needs the terms and one chunk; a filter covers every essay from the facets', async ({
    page,
  }) => {
    const files = watchData(page);
    await page.goto('/');
    await expect(page.locator('.results-count')).toHaveText(
      `${LARGE_COUNT} essays, page 1 of ${LARGE_COUNT / 20}`,
    );
    expect(kinds(files)).toEqual(['manifest.', 'summaries.', 'summaries/', 'terms.']);
    expect(files.filter((f) => f.startsWith('summaries/'))).toEqual([
      expect.stringMatching(/^summaries\/0\./),
    ]);
    // A tag, with its count across the whole archive, filters the whole archive.
    const option = page
      .locator('.filter-options label')
      .filter({ has: page.getByRole('checkbox') })
      .first();
    const count = Number(/\((\d+)\)/.exec((await option.textContent())!)![1]);
    await option.getByRole('checkbox').check();
    await expect(page.locator('.results-count')).toContainText(
      count === 1 ? '1 essay' : `${count} essays`,
    );
    // From the packed facets and the shown essays' chunks: never every summary.
    expect(kinds(files)).toContain('facets.');
    expect(kinds(files)).not.toContain('index.');
    // Oldest first shows the oldest chunk's essays.
    await page.goto('/?sort=oldest');
    await expect(page.locator('main .essay-card').first()).toBeVisible();
    expect(files.filter((f) => f.startsWith('summaries/')).at(-1)).toMatch(
      new RegExp(`^summaries/${LARGE_COUNT / 20 - 1}\\.`),
    );
  });

  test('a tag’s page loads its own list, not the facets of every essay, until a filter asks', async ({
    page,
  }) => {
    const files = watchData(page);
    await page.goto(`/essays/${SLUG}`);
    const href = (await page.locator('main a[href*="/tags/"]').first().getAttribute('href'))!;
    files.length = 0;
    await page.goto(href);
    await expect(page.locator('html')).toHaveAttribute('data-render', 'hydrated');
    await expect(page.locator('main .essay-card').first()).toBeVisible();
    expect(kinds(files)).toEqual([
      'manifest.',
      'summaries.',
      'summaries/',
      'tags/',
      'termlists.',
      'terms.',
    ]);
    // Its count and the filter panel agree with the whole archive's facets.
    const count = (await page.locator('.results-count').textContent())!;
    await page.goto(`${href}?sort=oldest`);
    await expect(page.locator('.results-count')).toHaveText(count);
    expect(kinds(files)).toContain('facets.');
  });

  test('a mistyped essay address suggests the essay without loading every summary', async ({
    page,
  }) => {
    await page.goto(`/essays/${SLUG}`);
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
    const files = watchData(page);
    // One letter dropped from the middle of the address's longest word.
    const longest = SLUG.split('-').sort((a, b) => b.length - a.length)[0]!;
    const cut = Math.floor(longest.length / 2);
    await page.goto(
      `/essays/${SLUG.replace(longest, longest.slice(0, cut) + longest.slice(cut + 1))}`,
    );
    await expect(page.getByRole('heading', { level: 1, name: 'No page here' })).toBeVisible();
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
    expect(kinds(files)).not.toContain('index.');
    expect(kinds(files)).not.toContain('facets.');
  });

  test('search finds an essay from anywhere in the archive, loading only the shards it needs', async ({
    page,
  }) => {
    const files = watchData(page);
    await page.goto(`/essays/${SLUG}`);
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
    const box = page.getByRole('searchbox', { name: 'Search essays' });
    // One exact word: the search manifest, that word's shard, the one postings shard holding
    // it, and the results' chunks; never every summary.
    const word = title.split(' ').sort((a, b) => b.length - a.length)[0]!;
    await box.fill(`"${word}"`);
    await expect(page.getByRole('main').getByRole('status')).toContainText(/match/);
    await expect(page.locator('.search-hit').first()).toBeVisible();
    expect(kinds(files)).not.toContain('index.');
    // Without filters a search needs no facets (the largest piece at 100,000 essays).
    expect(kinds(files)).not.toContain('facets.');
    expect(new Set(files.filter((f) => f.startsWith('words/'))).size).toBe(1);
    expect(new Set(files.filter((f) => f.startsWith('postings/'))).size).toBe(1);
    expect(readdirSync('dist-fixtures/large/data/postings').length).toBeGreaterThan(1);
    // The whole title finds it first.
    await box.fill(`"${title}"`);
    await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(title);
  });

  test('a search within a tag loads the facets and finds the essay there', async ({ page }) => {
    const files = watchData(page);
    await page.goto(`/essays/${SLUG}`);
    const tag = page.locator('main a[href*="/tags/"]').first();
    const tagSlug = (await tag.getAttribute('href'))!.replace(/.*\/tags\//, '');
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
    await page.goto(`/search?q=${encodeURIComponent(`"${title}"`)}&tag=${tagSlug}`);
    await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(title);
    expect(kinds(files)).toContain('facets.');
    await expect(page.getByRole('main').getByRole('status')).toContainText(/match/);
  });
});

/** The packs of the large fixture, from its pack table. */
const packTable = (() => {
  const name = readdirSync('dist-fixtures/large/data').find((f) => /^packs\..+\.json$/.test(f))!;
  return JSON.parse(readFileSync(`dist-fixtures/large/data/${name}`, 'utf8')) as PackTable;
})();
const saveAll = (page: Page) =>
  page.getByRole('button', { name: /^Save all essays for offline reading \([\d.]+ [KM]B\)$/ });

test('an archive over the limit is offered for saving, not saved; essays opened are kept', async ({
  page,
  context,
}) => {
  expect(packTable.bytes).toBeGreaterThan(packTable.autoSaveBytes);
  const files = watchData(page);
  await page.goto(`/essays/${SLUG}`);
  await expect(saveAll(page)).toBeVisible();
  await expect(page.locator('.offline-status')).toHaveText(
    'Essays you open are kept for offline reading.',
  );
  expect(files.filter((f) => f.startsWith('packs/'))).toEqual([]);
  // Kept because it was opened (the worker controls the page once the offer is shown).
  await page.reload();
  await expect(page.locator('.prose p').first()).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.prose p').first()).toBeVisible();
  // The words may be the page's own HTML, painted before the app runs; the banner is the
  // app's, so wait for the app to have taken the page over (its own signal), not for time.
  await expect(page.locator('html')).toHaveAttribute('data-render', /^(hydrated|client)$/);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText(
    'Essays saved so far still open.',
  );
});

test('saving it all takes one request per pack; then a never-opened essay, the list and search work offline', async ({
  page,
  context,
}) => {
  const files = watchData(page);
  await page.goto('/');
  await saveAll(page).click();
  await expect(page.locator('.offline-status')).toContainText(
    `Available offline · ${LARGE_COUNT} essays`,
  );
  const packs = files.filter((f) => f.startsWith('packs/'));
  expect(packs.sort()).toEqual(
    [...packTable.essays, ...packTable.shared].map((p) => p.file.replace(/^data\//, '')).sort(),
  );
  expect(files.filter((f) => f.startsWith('essays/'))).toEqual([]);
  await context.setOffline(true);
  await page.goto(`/essays/${slugs[slugs.length - 1]}`);
  await expect(page.locator('.prose p').first()).toBeVisible();
  await page.goto(`/?page=${LARGE_COUNT / 20}`);
  await expect(page.locator('main .essay-card')).toHaveCount(20);
  const title = (await page.locator('main .essay-card-title a').first().textContent())!;
  await page.getByRole('searchbox', { name: 'Search essays' }).fill(`"${title}"`);
  await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(title);
  // The reader's go-ahead holds for the next visit: the footer says saved, not offered.
  await context.setOffline(false);
  await page.reload();
  await expect(page.locator('.offline-status')).toContainText(
    `Available offline · ${LARGE_COUNT} essays`,
  );
});
