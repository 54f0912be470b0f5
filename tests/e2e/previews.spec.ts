import { VAULT_PORT } from '../../playwright.config';
import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Previews of footnotes and of linked essays, by mouse and by keyboard. */

const FOOTNOTES = '/essays/the-case-for-rereading';

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.locator('html[data-previews="ready"]').waitFor({ state: 'attached' });
}

test('a footnote reference previews its note on hover, and closes when the pointer leaves', async ({
  page,
}) => {
  await open(page, FOOTNOTES);
  const ref = page.locator('.prose a[data-footnote-ref]').first();
  const noteId = decodeURIComponent((await ref.getAttribute('href'))!.slice(1));
  const noteText = (await page.locator(`[id="${noteId}"]`).innerText()).replace('↩', '').trim();
  await ref.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(noteText.slice(0, 40));
  await expect(ref).toHaveAttribute('aria-describedby', 'link-preview');
  await page.getByRole('heading', { level: 1 }).hover();
  await expect(tip).toBeHidden();
});

test('by keyboard: focus opens the preview, Esc closes it and stays on the essay', async ({
  page,
}) => {
  await open(page, FOOTNOTES);
  const ref = page.locator('.prose a[data-footnote-ref]').first();
  await ref.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${FOOTNOTES}$`));
  await expect(ref).toBeFocused();
});

test('a link to another essay previews its title and description; axe finds nothing, light or dark', async ({
  page,
}) => {
  await open(page, `http://127.0.0.1:${VAULT_PORT}/essays/reading-the-tides`);
  await page.locator('.prose').getByRole('link', { name: 'the phases' }).hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('Moon phases');
  await expect(tip).toContainText('The moon goes round in about 29.5 days.');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(tip).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('an essay prints as its words: no header, footer, navigation or read-aloud, and a PDF comes out', async ({
  page,
}) => {
  await page.goto('/essays/base-and-superstructure-without-the-diagram');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [
    '.site-header',
    '.site-footer',
    '.toc',
    '.reader-footer',
    '.read-aloud-start',
  ])
    await expect(page.locator(hidden).first()).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.prose p').first()).toBeVisible();
  const pdf = await page.pdf();
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
});
