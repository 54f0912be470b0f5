import { MARKUP_PORT } from '../../playwright.config';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Essays as authors write them, read on a phone (tests/fixtures/markup): HTML in Markdown
 * through the allow-list, callouts, an MDX post, and a picture 3,624 px wide.
 */

const site = `http://127.0.0.1:${MARKUP_PORT}`;
const notes = `${site}/essays/field-notes-from-the-ridge`;

test.use({ viewport: { width: 390, height: 844 }, locale: 'en-US' });

test('a phone shows the page at its own width: pictures fit the column, nothing scrolls sideways', async ({
  page,
}) => {
  await page.goto(notes);
  const prose = page.locator('.prose');
  await expect(prose.locator('img')).toHaveCount(2);
  for (const img of await prose.locator('img').all()) {
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(3624);
    const [width, column] = await Promise.all([
      img.evaluate((el) => el.getBoundingClientRect().width),
      prose.evaluate((el) => el.clientWidth),
    ]);
    expect(width).toBeLessThanOrEqual(column);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('HTML reads as HTML through the allow-list, callouts as asides, a video frame as a link', async ({
  page,
  request,
}) => {
  // Prerendered so: the page's first paint already has the figure, not its source.
  const html = await (await request.get(notes)).text();
  expect(html).toContain('<figcaption>The ridge at noon,<br/>from the north cairn</figcaption>');

  await page.goto(notes);
  const prose = page.locator('.prose');
  await expect(prose.locator('figure figcaption')).toHaveText(
    /The ridge at noon,\s*from the north cairn/,
  );
  await expect(prose.locator('aside.callout-warning .callout-title')).toHaveText('Before you go');
  const faq = prose.locator('details.callout-faq');
  await expect(faq).not.toHaveAttribute('open');
  await faq.locator('summary').click();
  await expect(faq).toHaveAttribute('open');
  await expect(faq).toContainText('Only at the farm.');
  await prose.locator('details:not(.callout) summary').click();
  await expect(prose.locator('kbd')).toHaveText('Esc');
  await expect(prose.getByRole('link', { name: 'A walk on the ridge' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/embed/abc123',
  );
  await expect(prose.getByText('Words in a styled div stay words.')).toBeVisible();
  expect(await prose.locator('iframe, script, [style], [onclick]').count()).toBe(0);
  await expect(prose).not.toContainText('<figure');
  await expectNoAxeViolations(page);
});

test('an MDX post reads as its words, its components named, not run', async ({ page }) => {
  await page.goto(`${site}/essays/a-later-walk-in-mdx`);
  const prose = page.locator('.prose');
  await expect(prose).toContainText('The fog lifted by ten.');
  await expect(prose.locator('code')).toHaveText('<Gallery />');
  await expect(prose).not.toContainText('import Note');
});
