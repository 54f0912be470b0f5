import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { expect, test } from './fixtures';
import { ESSAY, KEPT, openEssay, painted, REMOVED } from './support/highlights';

/** Highlights and notes made with the keyboard alone. */

// Caret browsing (F7 in Chromium) is how a keyboard selects words on a web page.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-caret-browsing'],
  },
});

/** Puts the caret where a caret-browsing reader has moved it: before `words`. */
const caretBefore = (page: Page, words: string) =>
  page.evaluate((target) => {
    const prose = document.querySelector('.prose')!;
    const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(target);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the essay`);
  }, words);
const selectedText = (page: Page) => page.evaluate(() => getSelection()?.toString().trim());

test('select with Shift+arrows, then h highlights and n adds a note', async ({ page }) => {
  await openEssay(page, ESSAY);
  await caretBefore(page, KEPT);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selectedText(page)).toBe('The diagram is');
  await page.keyboard.press('h');
  await expect.poll(() => painted(page)).toEqual(['yellow: The diagram is']);

  await caretBefore(page, REMOVED);
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selectedText(page)).toBe('Technology matters');
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Note' });
  await expect(dialog.getByLabel('Your note')).toBeFocused();
  await page.keyboard.type('Typed without a mouse.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Save the note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Your highlights' })).toContainText(
    'Typed without a mouse.',
  );
  await expect
    .poll(() => painted(page))
    .toEqual(['yellow: The diagram is', 'yellow: Technology matters']);
});
