import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { servedSite } from './site';
import { check, ms, record, summarize, table } from './stats';

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

/** Budgets of the scale issue (#12): 1,000 essays saved in 3 s, 10,000 in 20 s, on loopback. */
const SAVE_BUDGET_MS: Record<number, number> = { 1000: 3_000, 10_000: 20_000 };

/**
 * Offline: what the service worker precaches, the archive's packs, and the time from a first
 * visit to "Available offline" (clicking "Save all" where the archive is over the automatic
 * limit: the time counts from the page's start either way).
 */
export async function benchOffline(browser: Browser, counts: readonly number[]): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const count of counts) {
    const site = await servedSite(count);
    try {
      const sw = readFileSync(path.join(site.outDir, 'sw.js'), 'utf8');
      const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
      const precache = urls.reduce((sum, u) => sum + statSync(path.join(site.outDir, u)).size, 0);
      const packs = dirBytes(path.join(site.outDir, 'data/packs'));
      const samples: number[] = [];
      const runs = count > 10_000 ? 1 : count > 1000 ? 3 : 7;
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const t0 = Date.now();
        await page.goto(site.url);
        const offer = page.getByRole('button', { name: /^Save all essays for offline/ });
        const saved = page.locator('.offline-status[data-phase="saved"]');
        await offer.or(saved).waitFor({ timeout: 600_000 });
        if (await offer.isVisible()) await offer.click();
        await saved.waitFor({ timeout: 600_000 });
        samples.push(Date.now() - t0);
        await context.close();
      }
      const s = summarize(samples);
      rows.push({
        essays: count,
        'precache entries': urls.length,
        precache: mb(precache),
        packs: `${packs.files} files, ${mb(packs.bytes)}`,
        'first visit → all saved (median)': ms(s.p50),
        p95: ms(s.p95),
        runs: s.n,
      });
      record(count, 'offline: first visit → all saved (median)', ms(s.p50));
      record(count, 'offline: packs', `${packs.files} files, ${mb(packs.bytes)}`);
      const budget = SAVE_BUDGET_MS[count];
      if (budget)
        check({
          name: `first visit to ${count.toLocaleString('en')} essays saved offline, loopback (median)`,
          value: s.p50,
          budget,
          unit: 'ms',
        });
    } finally {
      await site.close();
    }
  }
  console.log('\nOffline: precache and background save, on loopback');
  table(rows);
}
