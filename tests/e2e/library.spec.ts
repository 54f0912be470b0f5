import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { dragSelect, ESSAY, KEPT, openEssay, painted } from './support/highlights';

/** The Highlights page, reading data out and back in, and the EPUB books. */

const OTHER = '/essays/the-case-for-rereading';

async function highlight(page: Page, url: string, words: string, note?: string) {
  await openEssay(page, url);
  await dragSelect(page, words);
  if (note) {
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.getByLabel('Your note').fill(note);
    await page.getByRole('button', { name: 'Save the note' }).click();
  } else {
    await page.getByRole('button', { name: 'Highlight in yellow' }).click();
  }
  await expect(page.getByRole('region', { name: 'Your highlights' })).toContainText(words);
}

/** A sentence of the second essay, read from the page. */
async function firstSentence(page: Page): Promise<string> {
  await page.goto(OTHER);
  const text = await page.locator('.prose p').first().innerText();
  return /^[^.]+\./.exec(text)![0];
}

test('the Highlights page lists every highlight newest first, filters and leads to each place', async ({
  page,
}) => {
  const other = await firstSentence(page);
  await highlight(page, ESSAY, KEPT, 'About the diagram.');
  await highlight(page, OTHER, other);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Highlights' })
    .click();
  await expect(page).toHaveURL(/\/highlights$/);
  const items = page.locator('.annotation-list > li');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(other); // the newer one
  await expect(items.nth(1)).toContainText('About the diagram.');

  await page.getByLabel('Search highlights').fill('diagram');
  await expect(items).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]q=diagram/);
  await page.getByLabel('Search highlights').fill('');
  await page.getByLabel('Theme').selectOption('marxism_historical materialism');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(KEPT);

  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${ESSAY}#highlight-`));
  await expect
    .poll(() =>
      page.evaluate(() => (CSS.highlights.get('note-focus') as Highlight | undefined)?.size ?? 0),
    )
    .toBe(1);
});

test('export everything, clear the browser, import: all back, and a second import adds nothing', async ({
  page,
}) => {
  await highlight(page, ESSAY, KEPT, 'Kept through the move.');
  await page.getByRole('button', { name: 'Mark as read' }).click();
  await page.goto('/library');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
  const file = await (await saving).path();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  expect(data).toMatchObject({ format: 'essays-reading-data', version: 1 });
  expect(data.annotations).toHaveLength(1);
  expect(Object.values(data.progress)).toContainEqual(expect.objectContaining({ read: true }));

  // Another browser, as far as this site can tell.
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('essays-reading');
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });
  await page.goto('/highlights');
  await expect(page.getByText('No highlights yet.')).toBeVisible();

  await page.goto('/library');
  await page.getByLabel('Import a JSON export').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 1 highlight (1 new), progress for 1 essay, and your settings.',
  );
  await page.getByLabel('Import a JSON export').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 1 highlight (0 new), progress for 0 essays, and your settings.',
  );
  await openEssay(page, ESSAY);
  await expect.poll(() => painted(page)).toEqual([`yellow: ${KEPT}`]);
  await expect(page.getByRole('region', { name: 'Your highlights' })).toContainText(
    'Kept through the move.',
  );
  await expect(page.locator('.read-toggle')).toHaveAttribute('aria-pressed', 'true');
});

test('a foreign or damaged file is refused with the reason, and changes nothing', async ({
  page,
}) => {
  await highlight(page, ESSAY, KEPT);
  await page.goto('/library');
  const input = page.getByLabel('Import a JSON export');
  const status = page.locator('.import-error');
  for (const [contents, reason] of [
    ['not json at all', 'This file is not JSON'],
    ['{"some": "other app"}', 'not reading data exported from this library'],
    [
      JSON.stringify({
        format: 'essays-reading-data',
        version: 1,
        annotations: [{ id: 1 }],
        progress: {},
        settings: {},
      }),
      '1 of its highlights cannot be read',
    ],
  ]) {
    await input.setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from(contents!),
    });
    await expect(status).toContainText(reason!);
    await expect(status).toContainText('Nothing was changed.');
  }
  await page.goto('/highlights');
  await expect(page.locator('.annotation-list > li')).toHaveCount(1);
});

test('highlights export as Markdown for Obsidian and Readwise', async ({ page }) => {
  await highlight(page, ESSAY, KEPT, 'A note under the quote.');
  const markdown = await downloaded(page, 'Export highlights (Markdown)');
  expect(markdown).toContain('## base and superstructure, without the diagram');
  expect(markdown).toContain(`> ${KEPT}\n\nA note under the quote.`);
  expect(markdown).toContain('- Tags: #marxism_historical-materialism #theory');
});

test('the library page links the EPUB books, and they download', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Your highlights, data and books' }).click();
  const book = page.getByRole('link', { name: 'Every essay' });
  const href = await book.getAttribute('href');
  expect(href).toBe('/epub/archive.epub');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 58).toString('latin1')).toContain(
    'mimetypeapplication/epub+zip',
  );
  await expect(page.locator('.library-section li')).toHaveCount(10); // the archive and 9 themes
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the Highlights and library pages pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await highlight(page, ESSAY, KEPT, 'A note.');
    await page.goto('/highlights');
    await expect(page.locator('.annotation-list > li')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await page.goto('/library');
    await expect(page.getByRole('heading', { name: 'Books' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

/** What the library page's export button `name` downloads, as text. */
async function downloaded(page: Page, name: string): Promise<string> {
  await page.goto('/library');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  return readFileSync(await (await saving).path(), 'utf8');
}

/** This browser's reading data as exported now, as JSON. */
async function exported(
  page: Page,
): Promise<Record<string, unknown> & { annotations: Record<string, unknown>[] }> {
  return JSON.parse(await downloaded(page, 'Export everything (JSON)'));
}

async function importJson(page: Page, data: unknown) {
  await page.goto('/library');
  await page.getByLabel('Import a JSON export').setInputFiles({
    name: 'reading.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
}

test('a highlight dated past what a date can hold is refused on import, and one already stored does not break the page', async ({
  page,
}) => {
  await highlight(page, ESSAY, KEPT);
  const data = await exported(page);
  const far = { ...data.annotations[0]!, id: 'from-the-far-future', created: 1e20 };
  await importJson(page, { ...data, annotations: [far] });
  await expect(page.locator('.import-error')).toContainText('1 of its highlights cannot be read');

  // Stored by another version of the app, say: the page lists the good one and goes on.
  await page.evaluate(async (record) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('essays-reading');
      open.onsuccess = () => {
        const tx = open.result.transaction('annotations', 'readwrite');
        tx.objectStore('annotations').put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  }, far);
  await page.goto('/highlights');
  await expect(page.locator('.annotation-list > li')).toHaveCount(1);
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});

test('an import of more progress than is kept says what was kept, and a refused save says so', async ({
  page,
}) => {
  const data = await exported(page);
  const progress: Record<string, unknown> = {};
  for (let i = 0; i < 6000; i++)
    progress[`thread_${i}`] = { position: 0.5, at: 1_700_000_000_000 + i, read: false };
  await importJson(page, { ...data, progress });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'progress for 5,000 essays (1,000 entries left out',
  );
  const kept = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('progress'))!;
    return Object.keys(JSON.parse(localStorage.getItem(key)!).entries).length;
  });
  expect(kept).toBe(5000);

  // A full store: the browser refuses the write, and the reader is told.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Import a JSON export').setInputFiles({
    name: 'reading.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ ...data, progress: { later: { position: 1, at: Date.now(), read: true } } }),
    ),
  });
  await expect(page.locator('.import-error')).toContainText(
    'the progress could not be saved: the browser’s storage is full or blocked',
  );
});

test('a note cannot forge headings or quotes in the Markdown export', async ({ page }) => {
  await highlight(page, ESSAY, KEPT, '## Forged heading\n> Forged quote\n1. forged list\n---');
  const markdown = await downloaded(page, 'Export highlights (Markdown)');
  expect(markdown).toContain('\\## Forged heading');
  const lines = markdown.split('\n');
  expect(lines.filter((l) => l.startsWith('## '))).toEqual([
    '## base and superstructure, without the diagram',
  ]);
  expect(lines.filter((l) => l.startsWith('>'))).toEqual([`> ${KEPT}`]);
  expect(lines).not.toContain('---');
  expect(lines.some((l) => /^\d+\./.test(l))).toBe(false);
});
