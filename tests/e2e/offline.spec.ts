import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import {
  PARTIAL_PORT,
  UPDATE_ACCEPT_PORT,
  UPDATE_PORT,
  VAULT_UPDATE_PORT,
} from '../../playwright.config';
import { BODY_CACHE } from '../../src/domain/offline';
import { expect, test } from './fixtures';
import { waitUntilOffline } from './support/offline';
import { startSwitchServer } from './support/switchServer';

test('after one visit, every essay, list, tag, theme and search works with the network off', async ({
  page,
  context,
  pageErrors,
}) => {
  await page.goto('/');
  await waitUntilOffline(page, 24);
  await context.setOffline(true);

  // The network is really off: a URL nothing cached fails.
  const probe = await page.evaluate(() =>
    fetch(`/never-cached-${Date.now()}.json`).then(
      () => 'answered',
      () => 'failed',
    ),
  );
  expect(probe).toBe('failed');
  pageErrors.length = 0; // that failed request was the point

  await page.goto('/essays/the-bus-is-the-backbone'); // never opened before
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('the bus is the backbone');
  // The words may be the page's own HTML, painted before the app runs; the banner is the
  // app's, so wait for the app to have taken the page over (its own signal), not for time.
  await expect(page.locator('html')).toHaveAttribute('data-render', /^(hydrated|client)$/);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.prose')).toContainText('Frequency. A bus every fifteen minutes');

  await page.goto('/tags/pedagogy');
  await expect(page.getByRole('heading', { level: 1, name: 'pedagogy' })).toBeVisible();
  await expect(page.locator('.results-count')).toHaveText('4 essays');
  await page.goto('/themes/cities_transit');
  await expect(page.getByRole('heading', { level: 1, name: 'transit' })).toBeVisible();

  const box = page.getByRole('searchbox', { name: 'Search essays' });
  await box.fill('laundramat');
  await expect(page.locator('.search-hit').first().getByRole('heading')).toHaveText(
    'a year of reading capital in a laundromat',
  );
  // Excerpts are cut from saved bodies, offline too ("dryer" is only in the body).
  await box.fill('dryer');
  await expect(
    page.locator('.search-hit').first().locator('.essay-card-description mark').first(),
  ).toHaveText('dryer');
  await page.locator('.search-hit a').first().click();
  await expect(page.locator('.prose mark.search-hit').first()).toBeVisible();
});

test('the app is installable: manifest, icons and worker pass Chromium’s installability checks', async ({
  baseURL,
}, testInfo) => {
  // Test contexts are incognito, where nothing is installable; use a real profile instead.
  const profile = mkdtempSync(path.join(tmpdir(), 'essays-profile-'));
  const { launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitUntilOffline(page, 24);
    const cdp = await context.newCDPSession(page);
    // The same check Lighthouse's installability audit reads.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({
      name: expect.stringContaining('Essays'),
      short_name: 'Essays',
      display: 'standalone',
    });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

/** Visits the first build, waits until it is saved, then deploys the second and waits for the offer. */
async function openThenDeploy(
  page: Page,
  host: Awaited<ReturnType<typeof startSwitchServer>>,
  at: string,
) {
  await page.goto(`${host.url}/`);
  await waitUntilOffline(page, 24);
  await page.goto(`${host.url}${at}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  host.deploy('dist-fixtures/update-v2');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.getByRole('alert').filter({ hasText: 'New essays available' });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  return prompt;
}

test('a new deploy is offered, not swapped in: the old build keeps working until the reader accepts', async ({
  browser,
}) => {
  const host = await startSwitchServer(UPDATE_PORT, 'dist-fixtures/update-v1');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await openThenDeploy(page, host, '/essays/the-third-month');
    // Until the reader accepts, the old build keeps working, whole: its index, its bodies.
    await page.getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('link', { name: 'pedagogy' }).click();
    await page.getByRole('link', { name: 'facilitation is not chairing' }).click();
    await expect(page.locator('.prose')).toContainText('Ask for page numbers');
    await expect(page.getByText('an essay that arrived with an update')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('accepting a new deploy reloads in place onto the new build, which is then saved offline', async ({
  browser,
}) => {
  const host = await startSwitchServer(UPDATE_ACCEPT_PORT, 'dist-fixtures/update-v1');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const prompt = await openThenDeploy(page, host, '/essays/facilitation-is-not-chairing');
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(prompt).toBeHidden({ timeout: 20_000 });
    // The reader is where they were, now on the new build.
    await expect(page).toHaveURL(/\/essays\/facilitation-is-not-chairing$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'facilitation is not chairing',
    );
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'All essays' })
      .click();
    await expect(page.locator('.results-count')).toHaveText('25 essays, page 1 of 2');
    await page.getByRole('link', { name: 'an essay that arrived with an update' }).click();
    await expect(page.locator('.prose')).toContainText('exists only in the second build');
    await waitUntilOffline(page, 25);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('a deploy that changes an image saves the new one for offline and reclaims the old', async ({
  browser,
}) => {
  const host = await startSwitchServer(VAULT_UPDATE_PORT, 'dist-fixtures/vault');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const savedImages = () =>
    page.evaluate(async (cache) => {
      const keys = await (await caches.open(cache)).keys();
      return keys.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith('/media/'));
    }, BODY_CACHE);
  try {
    await page.goto(`${host.url}/`);
    await waitUntilOffline(page, 3);
    const before = await savedImages();
    expect(before).toEqual([expect.stringMatching(/^\/media\/tide-chart\.[0-9a-f]{10}\.png$/)]);

    host.deploy('dist-fixtures/vault-v2');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('alert').filter({ hasText: 'New essays available' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(prompt).toBeHidden({ timeout: 20_000 });
    await waitUntilOffline(page, 3);
    const after = await savedImages();
    expect(after).toEqual([expect.stringMatching(/^\/media\/tide-chart\.[0-9a-f]{10}\.png$/)]);
    expect(after).not.toEqual(before);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('a save that missed part of the archive says so, asks to persist, and reclaims what no essay needs', async ({
  browser,
}) => {
  // The sample site with its essay pack missing on the host, which (like many static hosts)
  // answers a missing file with its HTML page and a 200.
  const dir = mkdtempSync(path.join(tmpdir(), 'essays-partial-'));
  cpSync('dist-fixtures/update-v1', dir, { recursive: true });
  const packs = readdirSync(path.join(dir, 'data/packs'));
  expect(packs.map((p) => p.replace(/\..*$/, '')).sort()).toEqual(['e0', 's0']);
  rmSync(
    path.join(
      dir,
      'data/packs',
      packs.find((p) => p.startsWith('e0.'))!,
    ),
  );
  const host = await startSwitchServer(PARTIAL_PORT, dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const storage = navigator.storage;
    const w = window as unknown as { __persistAsked: number };
    w.__persistAsked = 0;
    const persist = storage.persist.bind(storage);
    const persisted = storage.persisted.bind(storage);
    storage.persist = () => (w.__persistAsked++, persist());
    storage.persisted = () => (w.__persistAsked++, persisted());
  });
  const saved = () =>
    page.evaluate(async () =>
      (await (await caches.open('essay-bodies-v1')).keys()).map((r) => new URL(r.url).pathname),
    );
  try {
    await page.goto(`${host.url}/`);
    const status = page.locator('.offline-status');
    await expect(status).toHaveText(
      'Saved for offline: 0 of 24 essays · 1 part of the archive could not be fetched and will be tried again on the next visit',
    );
    expect(
      await page.evaluate(() => (window as unknown as { __persistAsked: number }).__persistAsked),
    ).toBeGreaterThan(0);

    // An older build's pack, and a body saved on its own that no current pack could hold,
    // are reclaimed on the next save, even though that save cannot complete either.
    const stalePack = `${host.url}/data/packs/e0.0123456789.pack`;
    const staleChunk = `${host.url}/data/summaries/99.0123456789.json`;
    await page.evaluate(
      async (urls) => {
        const cache = await caches.open('essay-bodies-v1');
        for (const url of urls) await cache.put(url, new Response('{}'));
      },
      [stalePack, staleChunk],
    );
    expect(await saved()).toEqual(expect.arrayContaining(['/data/packs/e0.0123456789.pack']));
    await page.reload();
    await expect(status).toContainText('Saved for offline: 0 of 24 essays');
    await expect.poll(saved).toEqual([expect.stringMatching(/^\/data\/packs\/s0\./)]);

    await context.setOffline(true);
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText(
      'Essays saved so far still open.',
    );
  } finally {
    await context.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files on the site (robots.txt, a linked PDF) are not swallowed by the app, offline-ready or not', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  await waitUntilOffline(page, 24);
  // A link to a file, as an essay might have: the browser opens the file itself.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/robots.txt';
    a.textContent = 'the robots file';
    document.querySelector('main')!.append(a);
  });
  await page.getByRole('link', { name: 'the robots file' }).click();
  await expect(page).toHaveURL(/\/robots\.txt$/);
  await expect(page.locator('body')).toContainText('User-agent: *');
  // Typed into the address bar, with the service worker in control: the file, not the app.
  await page.goto('/robots.txt');
  await expect(page.locator('body')).toContainText('User-agent: *');
  // A plain-text page makes the browser ask for /favicon.ico (the site's icon is an SVG).
  const errors = pageErrors.splice(0);
  expect(errors.every((e) => e.includes('404'))).toBe(true);
});
