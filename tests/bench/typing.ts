import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { pipelineFor } from './corpora';
import { makeQueries } from './searchQueries';
import { servedSite } from './site';
import { check, ms, record, summarize, table } from './stats';

/**
 * Search as a reader meets it (issue 24): two-word queries typed into the search page at a
 * person's pace (a key every 80 ms) on a phone's screen, each in a fresh browser context
 * (nothing cached). Per keystroke: the first change on screen (the first frame after the
 * first DOM change in <main>) and the settled results (the list no longer busy, for that
 * keystroke's query; a keystroke overtaken by the next counts as the time until then, at
 * least). Per query: main-thread tasks over 50 ms, and the data fetched, gzipped, and its
 * requests.
 */

const KEY_DELAY = 80;
const PHONE = { width: 390, height: 844 };
/** Two-word queries per archive (each typed in a fresh browser, ~5 s). */
const QUERIES = 20;

/** Budgets from issue 24: one frame, 50 ms, no long task; bytes and requests at 10,000. */
const FIRST_CHANGE_BUDGET = 16;
const SETTLE_BUDGET = 50;
const BYTES_BUDGET: Record<number, number> = { 10000: 300, 100000: 450 };
const REQUESTS_BUDGET = 40;

interface PageLog {
  keys: { t: number; value: string }[];
  changes: number[];
  frames: number[];
  settled: { t: number; q: string }[];
  /** Start and duration of each main-thread task over 50 ms. */
  longTasks: [number, number][];
}

/** Installed before the app: records keystrokes, DOM changes in <main>, frames and settling. */
function instrument() {
  const log: PageLog = { keys: [], changes: [], frames: [], settled: [], longTasks: [] };
  (window as unknown as { __typing: PageLog }).__typing = log;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'input',
    (e) => {
      const target = e.target as HTMLInputElement;
      if (target.type === 'search') log.keys.push({ t: performance.now(), value: target.value });
    },
    true,
  );
  let framePending = false;
  // The whole document is watched (the app may replace the prerendered <main>); only changes
  // inside a <main> count.
  const inMain = (node: Node) =>
    (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(
      'main',
    ) != null;
  new MutationObserver((mutations) => {
    if (!mutations.some((m) => inMain(m.target))) return;
    const t = performance.now();
    log.changes.push(t);
    if (!framePending) {
      framePending = true;
      requestAnimationFrame(() => {
        framePending = false;
        log.frames.push(performance.now());
      });
    }
    const list = document.querySelector('main .essay-list');
    const q = new URL(location.href).searchParams.get('q') ?? '';
    if (list?.getAttribute('aria-busy') === 'false') log.settled.push({ t, q });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

export async function benchTyping(browser: Browser, counts: readonly number[]): Promise<void> {
  for (const count of counts) {
    const result = await pipelineFor(count);
    const typed = makeQueries(
      result.essays,
      result.essays.map((e) => e.markdown),
      QUERIES,
    ).filter((q) => q.kind === 'two body words');
    const site = await servedSite(count);
    const gzCache = new Map<string, number>();
    const gzOf = (url: string) => {
      const file = path.join(site.outDir, new URL(url).pathname);
      let size = gzCache.get(file);
      if (size === undefined) gzCache.set(file, (size = gzipSync(readFileSync(file)).length));
      return size;
    };
    const firstChange: number[] = [];
    const settle: number[] = [];
    const bytes: number[] = [];
    const requests: number[] = [];
    let longTasks = 0;
    const byFolder: Record<string, { requests: number; kb: number }> = {};
    try {
      for (const q of typed) {
        const context = await browser.newContext({ viewport: PHONE });
        const page = await context.newPage();
        // tsx names inner functions with a helper the page lacks: give it one.
        await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        await page.addInitScript(instrument);
        await page.goto(`${site.url}search`);
        // Keys typed before the app has hydrated the box are not the app's to answer.
        await page.locator('html[data-render]').waitFor({ state: 'attached' });
        await page.waitForLoadState('networkidle');
        const box = page.getByRole('searchbox', { name: 'Search essays' });
        // Counted from here: what the first keystroke and the rest fetch (the search worker
        // starts when the box gets focus, as for a reader).
        const fetched: string[] = [];
        const saved: string[] = [];
        // The archive's background save for offline reading (packs) is not the search's cost;
        // it is counted apart.
        page.on('request', (r) => {
          const { pathname } = new URL(r.url());
          if (pathname.includes('/data/packs/')) saved.push(r.url());
          else if (pathname.includes('/data/')) fetched.push(r.url());
        });
        await box.focus();
        await box.pressSequentially(q.query, { delay: KEY_DELAY });
        await page.waitForFunction(
          (want) =>
            new URL(location.href).searchParams.get('q') === want &&
            document.querySelector('main .essay-list')?.getAttribute('aria-busy') === 'false' &&
            document.querySelectorAll('main .search-hit').length > 0,
          q.query,
        );
        // Excerpts arrive after the list: give the page a quiet moment to finish.
        await page.waitForLoadState('networkidle');
        const log = await page.evaluate(
          () => (window as unknown as { __typing: PageLog }).__typing,
        );
        log.keys.forEach((key, i) => {
          const next = log.keys[i + 1]?.t ?? Infinity;
          const frame = log.frames.find((f) => f > key.t);
          if (frame !== undefined && frame < next) firstChange.push(frame - key.t);
          else firstChange.push(Math.min(next, frame ?? next) - key.t);
          const done = log.settled.find((s) => s.t > key.t && s.q === key.value);
          settle.push(
            done && done.t < next ? done.t - key.t : Math.min(next, done?.t ?? next) - key.t,
          );
        });
        // Only tasks while typing: the page's own start (hydration) comes before the first key.
        const typingTasks = log.longTasks.filter(([start]) => start >= (log.keys[0]?.t ?? 0));
        longTasks += typingTasks.length;
        if (process.env.BENCH_DEBUG)
          for (const [start, duration] of typingTasks)
            console.log(
              `  long task ${duration.toFixed(0)} ms at key ${log.keys.filter((k) => k.t <= start).length} of ${log.keys.length} (${(start - (log.keys[0]?.t ?? 0)).toFixed(0)} ms after the first)`,
            );
        bytes.push(fetched.reduce((sum, url) => sum + gzOf(url), 0) / 1024);
        for (const url of saved) {
          const f = (byFolder['packs (offline save, apart)'] ??= { requests: 0, kb: 0 });
          f.requests++;
          f.kb += gzOf(url) / 1024;
        }
        for (const url of fetched) {
          const folder = /\/data\/([a-z]+)/.exec(url)?.[1] ?? 'other';
          const f = (byFolder[folder] ??= { requests: 0, kb: 0 });
          f.requests++;
          f.kb += gzOf(url) / 1024;
        }
        requests.push(fetched.length);
        await context.close();
      }
    } finally {
      await site.close();
    }
    const f = summarize(firstChange.filter(Number.isFinite));
    const s = summarize(settle.filter(Number.isFinite));
    const b = summarize(bytes);
    const r = summarize(requests);
    console.log(
      `\nTyping into search, ${count} essays: ${typed.length} two-word queries at ${KEY_DELAY} ms a key, ${PHONE.width}x${PHONE.height}, cold`,
    );
    table([
      {
        essays: count,
        keystrokes: f.n,
        'first change p50': ms(f.p50),
        'first change p95': ms(f.p95),
        'settled p50': ms(s.p50),
        'settled p95': ms(s.p95),
        'long tasks': longTasks,
        'data gz per query (median / max)': `${b.p50.toFixed(0)} / ${b.max.toFixed(0)} KB`,
        'requests (median / max)': `${r.p50} / ${r.max}`,
      },
    ]);
    console.log(
      `  fetched, all queries: ${Object.entries(byFolder)
        .sort((a, b) => b[1].kb - a[1].kb)
        .map(([k, v]) => `${k} ${v.kb.toFixed(0)} KB in ${v.requests}`)
        .join(', ')}`,
    );
    record(count, 'typing: first change on screen p95', ms(f.p95));
    record(count, 'typing: results settled p95', ms(s.p95));
    record(count, 'typing: data per two-word query (max)', `${b.max.toFixed(0)} KB gz`);
    record(count, 'typing: requests per two-word query (max)', String(r.max));
    check({
      name: `typing: first change p95, ${count} essays`,
      value: f.p95,
      budget: FIRST_CHANGE_BUDGET,
      unit: 'ms',
    });
    check({
      name: `typing: settled p95, ${count} essays`,
      value: s.p95,
      budget: SETTLE_BUDGET,
      unit: 'ms',
    });
    check({
      name: `typing: main-thread tasks over 50 ms, ${count} essays`,
      value: longTasks,
      budget: 0,
      unit: 'tasks',
    });
    const bytesBudget = BYTES_BUDGET[count];
    if (bytesBudget !== undefined) {
      check({
        name: `typing: data per two-word query (max), ${count} essays`,
        value: b.max,
        budget: bytesBudget,
        unit: 'KB',
      });
      check({
        name: `typing: requests per two-word query (max), ${count} essays`,
        value: r.max,
        budget: REQUESTS_BUDGET,
        unit: 'requests',
      });
    }
  }
}
