import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { servedSite } from './site';
import { check, ms, summarize, table } from './stats';

/** Offline: what the service worker precaches, the archive's size, and the time to save it. */

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      const sub = dirBytes(full);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += st.size;
      files++;
    }
  }
  return { bytes, files };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

export async function benchOffline(browser: Browser, counts: readonly number[]): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const count of counts) {
    const site = await servedSite(count);
    try {
      const sw = readFileSync(path.join(site.outDir, 'sw.js'), 'utf8');
      const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
      const precache = urls.reduce((sum, u) => sum + statSync(path.join(site.outDir, u)).size, 0);
      const bodies = dirBytes(path.join(site.outDir, 'data/essays'));
      const samples: number[] = [];
      for (let run = 0; run < (count > 1000 ? 1 : 5); run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const t0 = Date.now();
        await page.goto(site.url);
        await page.locator('.offline-status[data-phase="saved"]').waitFor({ timeout: 600_000 });
        samples.push(Date.now() - t0);
        await context.close();
      }
      const s = summarize(samples);
      rows.push({
        essays: count,
        'precache entries': urls.length,
        precache: mb(precache),
        'essay bodies': `${bodies.files} files, ${mb(bodies.bytes)}`,
        'first visit → all saved (median)': ms(s.p50),
        runs: s.n,
      });
      if (count === 1000)
        check({
          name: 'first visit to 1,000 essays saved offline, loopback (median)',
          value: s.p50,
          budget: 15_000,
          unit: 'ms',
        });
    } finally {
      await site.close();
    }
  }
  console.log('\nOffline: precache and background save, on loopback');
  table(rows);
}
