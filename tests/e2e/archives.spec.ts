import { JEKYLL_PORT, VAULT_PORT } from '../../playwright.config';
import { waitUntilOffline } from './support/offline';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Archives as their generators keep them, built with no config (`npm run build:fixtures`):
 * a real Jekyll `_posts/` folder (tests/fixtures/corpora/jekyll-nullprogram) and an Obsidian
 * vault of our own (tests/fixtures/generators/obsidian).
 */

const jekyll = `http://127.0.0.1:${JEKYLL_PORT}`;
const vault = `http://127.0.0.1:${VAULT_PORT}`;

test.describe('a real Jekyll archive', () => {
  test.use({ locale: 'en-US' });

  test('reads a post: its timestamp as a day, highlighted code, and a link to another post', async ({
    page,
  }) => {
    await page.goto(`${jekyll}/essays/generic-c-reference-counting`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Generic C Reference Counting',
    );
    // `date: 2015-02-17T04:06:11Z` in the file.
    await expect(page.locator('.essay-meta time[datetime="2015-02-17"]')).toHaveText(
      'February 17, 2015',
    );

    const block = page.locator('.prose pre code.language-c.highlighted').first();
    await expect(block).toBeVisible();
    const keyword = block.locator('.hl-keyword').first();
    await expect(keyword).toBeVisible();
    const [keywordColour, codeColour] = await Promise.all([
      keyword.evaluate((el) => getComputedStyle(el).color),
      block.evaluate((el) => getComputedStyle(el).color),
    ]);
    expect(keywordColour).not.toBe(codeColour);

    // `[oop]: /blog/2014/10/21/`, the old site's permalink, leads to that post here.
    await page.getByRole('link', { name: 'object-oriented programming in C' }).click();
    await expect(page).toHaveURL(`${jekyll}/essays/c-object-oriented-programming`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'C Object Oriented Programming',
    );
  });

  test('unwraps {% raw %}: the code inside shows exactly, the tags not at all', async ({
    page,
  }) => {
    await page.goto(`${jekyll}/essays/my-brave-new-code-signing-world`);
    const yaml = page.locator('.prose pre code', { hasText: 'skeeto/aas-sign' });
    await expect(yaml).toContainText('endpoint:  ${{ secrets.TRUSTED_SIGNING_ENDPOINT }}');
    await expect(page.locator('.prose')).not.toContainText('{%');
  });

  test('lists every post, newest first', async ({ page }) => {
    await page.goto(`${jekyll}/`);
    await expect(page.getByText(/366 essays/).first()).toBeVisible();
    // 2026-05-06-concurrent-atomic-msi-hash-tables.markdown, dated by its file name.
    await expect(page.locator('.essay-card-title').first()).toHaveText(
      'Concurrent, atomic MSI hash tables',
    );
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`highlighted code passes axe in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${jekyll}/essays/generic-c-reference-counting`);
      await expect(page.locator('.hl-keyword').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('an Obsidian vault', () => {
  test('wiki links lead to the note, heading and alias they name; a link to nothing is text', async ({
    page,
  }) => {
    await page.goto(`${vault}/essays/reading-the-tides`);
    const prose = page.locator('.prose');
    await expect(prose.getByRole('link', { name: 'the phases' })).toHaveAttribute(
      'href',
      'moon-phases',
    );
    await expect(prose.locator('a[href="moon-phases#spring-tides"]')).toHaveCount(1);
    await expect(prose).toContainText('A note I never wrote: Storm surges.');
    await expect(prose.getByRole('link', { name: 'Storm surges' })).toHaveCount(0);

    await prose.getByRole('link', { name: 'the harbour note' }).click();
    await expect(page).toHaveURL(`${vault}/essays/harbour-walks`);
    // `[[Lunar cycle]]` is an alias of "Moon phases".
    await page.locator('.prose').getByRole('link', { name: 'Lunar cycle' }).click();
    await expect(page).toHaveURL(`${vault}/essays/moon-phases`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moon phases');
  });

  test('an embedded image is copied into the build and shows', async ({ page }) => {
    await page.goto(`${vault}/essays/reading-the-tides`);
    const image = page.locator('.prose img');
    await expect(image).toHaveAttribute('src', /^\.\.\/media\/tide-chart\.[0-9a-f]{10}\.png$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
  });

  test('saved for offline, an essay never opened shows its image with the network off', async ({
    page,
    context,
  }) => {
    await page.goto(`${vault}/`);
    await waitUntilOffline(page, 3);
    await context.setOffline(true);
    await page.goto(`${vault}/essays/reading-the-tides`);
    const image = page.locator('.prose img');
    await expect(image).toHaveAttribute('src', /media\/tide-chart\./);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
  });
});
