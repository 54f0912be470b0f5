import { expect, type Page } from '@playwright/test';

/** What the highlights tests share: the essay, its sentences, and how to select and see. */

export const ESSAY = '/essays/base-and-superstructure-without-the-diagram';
export const KEPT = 'The diagram is memorable and almost entirely misleading.';
export const REMOVED = 'Technology matters because it changes those relations, not in itself.';

/** Opens an essay and waits until its highlights have loaded and the keys listen. */
export async function openEssay(page: Page, url: string) {
  await page.goto(url);
  await page.locator('html[data-annotations="ready"]').waitFor({ state: 'attached' });
}

/** Selects `words` in the essay with a mouse drag from their first to their last letter. */
export async function dragSelect(page: Page, words: string) {
  const box = await page.evaluate((target) => {
    const prose = document.querySelector('.prose')!;
    const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(target);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(n, at + target.length - 1);
      range.setEnd(n, at + target.length);
      const last = range.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, words);
  if (!box) throw new Error(`"${words}" is not in the essay`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(words);
}

/** The words each colour's highlight covers, as the page paints them. */
export const painted = (page: Page) =>
  page.evaluate(() =>
    ['yellow', 'green', 'blue', 'pink'].flatMap((c) =>
      [...((CSS.highlights.get(`note-${c}`) as Highlight | undefined) ?? [])].map(
        (r) => `${c}: ${(r as Range).toString()}`,
      ),
    ),
  );
