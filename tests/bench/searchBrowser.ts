import type { Browser } from '@playwright/test';
import { HIT10_BUDGET, LATENCY_BUDGET, searchSetup } from './search';
import { servedSite } from './site';
import { check, ms, record, summarize, table } from './stats';

/**
 * Search in Chromium, typed key by key into the real page: the worker's compute time per
 * query (the `search-query` user-timing measures) and every main-thread long task (> 50 ms)
 * while typing, plus hit@10 read off the rendered results.
 */
export async function benchSearchBrowser(
  browser: Browser,
  counts: readonly number[],
): Promise<void> {
  for (const count of counts) {
    const { queries, result } = await searchSetup(count);
    const site = await servedSite(count);
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    try {
      await page.goto(`${site.url}search`);
      // Keys typed before the app has hydrated the box are not the app's to answer.
      await page.locator('html[data-render]').waitFor({ state: 'attached' });
      const box = page.getByRole('searchbox', { name: 'Search essays' });
      await box.focus();
      await page.evaluate(() => performance.clearMeasures('search-query'));
      const longBefore = await page.evaluate(
        () => (window as unknown as { __longTasks: number[] }).__longTasks.length,
      );
      let hits = 0;
      let answerableHits = 0;
      for (const q of queries) {
        await box.fill('');
        await page.waitForTimeout(30);
        await box.pressSequentially(q.query, { delay: 15 });
        const want = result.essays[q.target]!.title;
        // Wait for the answer to the full query, then read the top ten titles.
        await page
          .waitForFunction(
            (typed) =>
              new URL(location.href).searchParams.get('q') === typed &&
              document.querySelector('main .essay-list')?.getAttribute('aria-busy') === 'false',
            q.query,
          )
          .catch(async (e: unknown) => {
            // Say where it stuck: the query, the box, the URL and what the page shows.
            const shows = await page.locator('main').innerText();
            throw new Error(
              `no answer to [${q.kind}] ${JSON.stringify(q.query)}: box=${JSON.stringify(await box.inputValue())} url=${page.url()} busy=${await page.locator('main .essay-list').getAttribute('aria-busy')} main=${JSON.stringify(shows.slice(0, 160))}`,
              { cause: e },
            );
          });
        const titles = await page
          .locator('.search-hit h2 a')
          .evaluateAll((as) => as.slice(0, 10).map((a) => a.textContent ?? ''));
        if (titles.includes(want)) {
          hits++;
          if (q.ties < 10) answerableHits++;
        } else if (process.env.BENCH_DEBUG)
          console.log(
            `  miss [${q.kind}] ${JSON.stringify(q.query)} want "${want}" got ${JSON.stringify(titles.slice(0, 3))} box=${JSON.stringify(await box.inputValue())} url=${page.url()} main=${JSON.stringify((await page.locator('main').innerText()).slice(0, 90))}`,
          );
      }
      const durations = await page.evaluate(() =>
        performance.getEntriesByName('search-query').map((e) => e.duration),
      );
      const longTasks = await page.evaluate(
        (n) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(n),
        longBefore,
      );
      const s = summarize(durations);
      const hit10 = (100 * hits) / queries.length;
      const answerable = queries.filter((q) => q.ties < 10).length;
      const hit10Answerable = (100 * answerableHits) / Math.max(1, answerable);
      console.log(`\nSearch, Chromium, ${count} essays: typed key by key into the page`);
      table([
        {
          essays: count,
          queries: s.n,
          'worker p50': ms(s.p50),
          'worker p95': ms(s.p95),
          max: ms(s.max),
          'long tasks (>50 ms) while typing': longTasks.length,
          'hit@10': `${hit10.toFixed(1)}%`,
          'hit@10, answerable': `${hit10Answerable.toFixed(1)}% of ${answerable}`,
        },
      ]);
      record(count, 'search: worker keystroke p95', ms(s.p95));
      record(count, 'search: hit@10 (typo queries included)', `${hit10.toFixed(1)}%`);
      record(
        count,
        'search: hit@10, queries < 10 other essays fully match',
        `${hit10Answerable.toFixed(1)}% of ${answerable}`,
      );
      record(count, 'search: main-thread tasks > 50 ms while typing', String(longTasks.length));
      check({
        name: `search keystroke p95, Chromium worker, ${count} essays`,
        value: s.p95,
        budget: LATENCY_BUDGET[count] ?? LATENCY_BUDGET[10_000]!,
        unit: 'ms',
      });
      check({
        name: `main-thread tasks over 50 ms while typing, ${count} essays`,
        value: longTasks.length,
        budget: 0,
        unit: 'tasks',
      });
      check({
        name: `search hit@10, Chromium, ${count} essays`,
        value: hit10,
        budget: HIT10_BUDGET[count] ?? HIT10_BUDGET[10_000]!,
        unit: '%',
        lowerIsBetter: false,
      });
    } finally {
      await page.close();
      await site.close();
    }
  }
}
