import type { Browser, Page } from '@playwright/test';
import { pageSlice, queryList } from '../../src/data/browse';
import { buildCatalog, termsByCount } from '../../src/data/catalog';
import { rng } from '../../scripts/corpusLib';
import { LENGTHS, SORTS, type ListQuery } from '../../src/domain/browse';
import type { EssayIndex } from '../../src/domain/essay';
import { check, ms, summarize, table } from './stats';
import { pipelineFor } from './corpora';
import { servedSite } from './site';

/** The list: filter and sort changes at 1k and 10k essays, in Node and in Chromium. */

const BUDGET_MS = 16;

function randomQueries(index: EssayIndex, n: number): ListQuery[] {
  const catalog = buildCatalog(index.essays);
  const tags = termsByCount(catalog.tags)
    .slice(0, 40)
    .map((t) => t.key);
  const themes = [...catalog.themes.keys()];
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, () => ({
    tags: random() < 0.6 ? [pick(tags), ...(random() < 0.4 ? [pick(tags)] : [])] : [],
    theme: random() < 0.4 ? pick(themes) : null,
    length: random() < 0.3 ? pick(LENGTHS) : null,
    from: random() < 0.2 ? '2025-01' : null,
    to: null,
    sort: pick(SORTS),
    page: 1,
  }));
}

export async function benchListNode(counts: readonly number[]): Promise<void> {
  console.log('\nList, Node: one filter or sort change = query + facets + first page');
  const rows: Record<string, string | number>[] = [];
  for (const count of counts) {
    const { outputs } = await pipelineFor(count);
    const index = JSON.parse(outputs[0]!.source) as EssayIndex;
    const t0 = performance.now();
    const catalog = buildCatalog(index.essays);
    const buildMs = performance.now() - t0;
    const queries = randomQueries(index, 400);
    for (const query of queries.slice(0, 50)) queryList(catalog, query); // warm up the JIT
    const samples = queries.map((query) => {
      const start = performance.now();
      pageSlice(queryList(catalog, query).ids, 1);
      return performance.now() - start;
    });
    const s = summarize(samples);
    rows.push({
      essays: count,
      changes: s.n,
      p50: ms(s.p50),
      p95: ms(s.p95),
      max: ms(s.max),
      'catalog build': ms(buildMs),
    });
    check({
      name: `list change p95, Node, ${count} essays`,
      value: s.p95,
      budget: BUDGET_MS,
      unit: 'ms',
    });
  }
  table(rows);
}

/**
 * In Chromium: from a click on a filter to the new results in the DOM (React render and
 * router navigation included), and the page's element count.
 */
export async function benchListBrowser(browser: Browser, counts: readonly number[]): Promise<void> {
  console.log('\nList, Chromium: click on a filter or sort → results updated in the DOM');
  const rows: Record<string, string | number>[] = [];
  for (const count of counts) {
    const site = await servedSite(count);
    const page = await browser.newPage();
    try {
      await page.goto(site.url);
      await page.locator('.essay-card').first().waitFor();
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      const index = JSON.parse((await pipelineFor(count)).outputs[0]!.source) as EssayIndex;
      const catalog = buildCatalog(index.essays);
      const tags = termsByCount(catalog.tags).slice(0, 12);
      const samples: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const tag of tags) {
          // A pause between changes, as a reader makes them: each is measured on its own.
          samples.push(
            await timeChange(page, {
              click: `input[type=checkbox][data-key="${tag.key}"]`,
              watch: '.browse-results',
            }),
          );
          await page.waitForTimeout(50);
          samples.push(
            await timeChange(page, {
              click: `input[type=checkbox][data-key="${tag.key}"]`,
              watch: '.browse-results',
            }),
          );
          await page.waitForTimeout(50);
        }
        for (const sort of SORTS) {
          samples.push(await timeChange(page, { sort, watch: '.browse-results .essay-list' }));
          await page.waitForTimeout(50);
        }
      }
      const s = summarize(samples);
      rows.push({
        essays: count,
        changes: s.n,
        p50: ms(s.p50),
        p95: ms(s.p95),
        max: ms(s.max),
        'DOM elements': elements,
      });
      check({
        name: `list change p95, Chromium, ${count} essays`,
        value: s.p95,
        budget: BUDGET_MS,
        unit: 'ms',
      });
      check({
        name: `list DOM elements, ${count} essays`,
        value: elements,
        budget: 1500,
        unit: 'elements',
      });
    } finally {
      await page.close();
      await site.close();
    }
  }
  table(rows);
}

type Change = { click: string; watch: string } | { sort: string; watch: string };

/**
 * Time from a change (clicking a filter, or choosing a sort) to the first mutation under
 * `watch`. React commits a change in one go, so the first mutation marks the commit.
 * NaN when there is nothing to change.
 */
async function timeChange(page: Page, change: Change): Promise<number> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(
    (c) =>
      new Promise<number>((resolve) => {
        const target = document.querySelector(c.watch)!;
        const input = 'click' in c ? document.querySelector<HTMLInputElement>(c.click) : null;
        const select = document.querySelector<HTMLSelectElement>('.sort-select select')!;
        if ('click' in c ? !input : select.value === c.sort) return resolve(NaN);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true });
        if (input) input.click();
        else if ('sort' in c) {
          select.value = c.sort;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }),
    change,
  );
}
