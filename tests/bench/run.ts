/**
 * `npm run bench [-- list|search|typing|typos|offline|prerender|scale|scale-pages|dev|lighthouse]`: prints performance figures and compares them with budgets.
 * Not a test: this machine is noisy, so figures are medians and p95 over many runs, and the
 * script exits non-zero only to flag a budget overrun for a human to look at.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { benchDevEdit } from './devEdit';
import { benchLighthouse } from './lighthouse';
import { benchListBrowser, benchListNode } from './list';
import { benchOffline } from './offline';
import { benchPrerender } from './prerender';
import { benchScale } from './scale';
import { benchSearchNode } from './search';
import { benchSearchBrowser } from './searchBrowser';
import { benchTypos } from './typos';
import { benchTyping } from './typing';
import { printFigures, printVerdicts } from './stats';

const only = new Set(process.argv.slice(2));
const wants = (name: string) => only.size === 0 || only.has(name);
const COUNTS = (process.env.BENCH_COUNTS ?? '1000,10000').split(',').map(Number);

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  if (wants('list')) {
    await benchListNode(COUNTS);
    await benchListBrowser(browser, COUNTS);
  }
  if (wants('search')) {
    await benchSearchNode(COUNTS);
    await benchSearchBrowser(browser, COUNTS);
  }
  if (wants('typing')) {
    await benchTyping(browser, COUNTS);
  }
  if (wants('typos')) {
    await benchTypos(browser);
  }
  if (wants('offline')) {
    await benchOffline(browser, COUNTS);
  }
  if (wants('prerender')) {
    await benchPrerender(COUNTS);
  }
  if (wants('scale')) {
    // One table for every archive size (issue #12): pages, search, offline, build, dev.
    await benchScale(browser, COUNTS);
    if (!wants('search')) await benchSearchBrowser(browser, COUNTS);
    if (!wants('typing')) await benchTyping(browser, COUNTS);
    if (!wants('offline')) await benchOffline(browser, COUNTS);
    if (!wants('dev')) await benchDevEdit(COUNTS.filter((c) => c <= 10_000));
    printFigures(`Scale: ${COUNTS.map((c) => c.toLocaleString('en')).join(' / ')} essays`, COUNTS);
  }
  if (only.has('scale-pages')) {
    // The scale table's page figures alone: build, first-visit bytes, Lighthouse.
    await benchScale(browser, COUNTS);
    printFigures(`Scale: ${COUNTS.map((c) => c.toLocaleString('en')).join(' / ')} essays`, COUNTS);
  }
  if (wants('dev')) {
    await benchDevEdit(COUNTS);
  }
  if (wants('lighthouse')) {
    await benchLighthouse();
  }
} finally {
  await browser.close();
}
const ok = printVerdicts();
process.exit(ok ? 0 : 1);
