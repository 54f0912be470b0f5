import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { ANCHOR, BENCH_DIR } from './corpora';
import { check, table } from './stats';

/**
 * Lighthouse 12 on the sample-essay site, served by `vite preview` on loopback: the list and
 * an essay page, mobile (Lighthouse's default: a slow 4G phone) and desktop presets, median
 * of RUNS runs each. Lighthouse drives the system Chromium over its debugging port.
 */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const PORT = 9333;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PAGES = [
  ['list', ''],
  ['essay', 'essays/the-third-month'],
] as const;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function sampleSite() {
  const outDir = path.join(BENCH_DIR, 'site-sample');
  if (!existsSync(path.join(outDir, 'index.html'))) {
    process.env.ESSAYS_DATE_ANCHOR = ANCHOR;
    await build({
      configFile: path.resolve('vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    });
  }
  const server = await preview({
    configFile: path.resolve('vite.config.ts'),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'silent',
  });
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

export async function benchLighthouse(): Promise<void> {
  const site = await sampleSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${PORT}`],
  });
  try {
    const rows: Record<string, string | number>[] = [];
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const [name, pathname] of PAGES) {
        const scores: Record<string, number[]> = Object.fromEntries(
          [...CATEGORIES, 'lcp', 'tbt', 'cls'].map((c) => [c, []]),
        );
        for (let run = 0; run < RUNS; run++) {
          const result = await lighthouse(
            site.url + pathname,
            {
              port: PORT,
              output: 'json',
              logLevel: 'error',
              onlyCategories: [...CATEGORIES],
            },
            preset === 'desktop' ? desktopConfig : undefined,
          );
          const lhr = result!.lhr;
          for (const c of CATEGORIES)
            scores[c]!.push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
          scores.lcp!.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
          scores.tbt!.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
          scores.cls!.push(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN);
          if (run === 0 && process.env.BENCH_DEBUG) {
            const failing = Object.values(lhr.audits)
              .filter(
                (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative',
              )
              .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
            console.log(`  ${preset} ${name}: audits under 0.9: ${failing.join(', ') || 'none'}`);
          }
        }
        const m = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)]));
        rows.push({
          page: name,
          preset,
          performance: m.performance!,
          accessibility: m.accessibility!,
          'best practices': m['best-practices']!,
          seo: m.seo!,
          LCP: `${(m.lcp! / 1000).toFixed(2)} s`,
          TBT: `${m.tbt!.toFixed(0)} ms`,
          CLS: m.cls!.toFixed(3),
          runs: RUNS,
        });
        // The prerender issue's aims: desktop 100, mobile 98 (the hardening issue asked 95).
        const budget = preset === 'desktop' ? 100 : 98;
        check({
          name: `Lighthouse performance, ${preset}, ${name} (median of ${RUNS})`,
          value: m.performance!,
          budget,
          unit: 'points',
          lowerIsBetter: false,
        });
        for (const c of ['accessibility', 'best-practices', 'seo'] as const)
          check({
            name: `Lighthouse ${c}, ${preset}, ${name}`,
            value: m[c]!,
            budget: preset === 'desktop' ? 100 : 95,
            unit: 'points',
            lowerIsBetter: false,
          });
        if (preset === 'mobile')
          check({
            name: `Lighthouse largest contentful paint, mobile, ${name}`,
            value: m.lcp!,
            budget: 1200,
            unit: 'ms',
          });
      }
    }
    console.log(`\nLighthouse 12 (median of ${RUNS}), sample essays, vite preview on loopback`);
    table(rows);
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * Lighthouse mobile performance for one page of a served site, median of `runs`: what the
 * scale bench reports per archive size. Starts its own Chromium with a debugging port.
 */
export async function lighthouseMobile(
  url: string,
  runs: number,
): Promise<{ performance: number; lcp: number; tbt: number }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${PORT}`],
  });
  try {
    const perf: number[] = [];
    const lcp: number[] = [];
    const tbt: number[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, {
        port: PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      const lhr = result!.lhr;
      perf.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
      lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
      tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
    }
    return { performance: median(perf), lcp: median(lcp), tbt: median(tbt) };
  } finally {
    await browser.close();
  }
}
