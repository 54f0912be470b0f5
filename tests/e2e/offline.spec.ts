import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { UPDATE_PORT } from '../../playwright.config';
import { expect, test } from './fixtures';
import { startSwitchServer } from './support/switchServer';

/** Waits until the service worker is activated and controls the page, and the archive is saved. */
async function waitUntilOffline(page: Page, essays: number) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return registration.active?.state;
  });
  await expect(page.locator('.offline-status')).toContainText(
    `Available offline · ${essays} essays`,
    { timeout: 20_000 },
  );
}

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
  browserName,
}, testInfo) => {
  // Test contexts are incognito, where nothing is installable; use a real profile instead.
  const profile = mkdtempSync(path.join(tmpdir(), 'essays-profile-'));
  const { launchOptions, baseURL } = testInfo.project.use;
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
    expect(browserName).toBe('chromium');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new deploy is offered, not swapped in; after reloading the new essay is there', async ({
  browser,
}) => {
  const host = await startSwitchServer(UPDATE_PORT, 'dist-fixtures/update-v1');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${host.url}/`);
    await waitUntilOffline(page, 24);
    await page.goto(`${host.url}/essays/the-third-month`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('the third month');

    host.deploy('dist-fixtures/update-v2');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('alert').filter({ hasText: 'New essays available' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });

    // Until the reader accepts, the old build keeps working, whole: its index, its bodies.
    await page.getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('link', { name: 'pedagogy' }).click();
    await page.getByRole('link', { name: 'facilitation is not chairing' }).click();
    await expect(page.locator('.prose')).toContainText('Ask for page numbers');
    await expect(page.getByText('an essay that arrived with an update')).toHaveCount(0);

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(prompt).toBeHidden({ timeout: 20_000 });
    // The reader is where they were, now on the new build.
    await expect(page).toHaveURL(/\/essays\/facilitation-is-not-chairing$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'facilitation is not chairing',
    );
    await page.getByRole('link', { name: 'All essays' }).click();
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
