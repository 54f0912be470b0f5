import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from './site';
import { check, table } from './stats';

/**
 * What prerendering costs: the same corpus built without (PRERENDER=off) and with it, one
 * after the other in this process, so the difference is the prerender step on this machine
 * at this moment. Also the pages written and the process's peak memory.
 */
const countHtml = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;

export async function benchPrerender(counts: readonly number[]): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const count of counts) {
    const plain = mkdtempSync(path.join(tmpdir(), 'bench-plain-'));
    const full = mkdtempSync(path.join(tmpdir(), 'bench-prerendered-'));
    process.env.PRERENDER = 'off';
    const without = await buildSite(count, plain);
    delete process.env.PRERENDER;
    const withIt = await buildSite(count, full);
    const pages = countHtml(full) - countHtml(plain);
    rows.push({
      essays: count,
      'build, no prerender': `${(without / 1000).toFixed(1)} s`,
      'build, prerendered': `${(withIt / 1000).toFixed(1)} s`,
      'prerender cost': `${((withIt - without) / 1000).toFixed(1)} s`,
      'pages written': pages,
      'per page': `${((withIt - without) / pages).toFixed(1)} ms`,
      'rss after': `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    });
    if (count === 1000)
      check({
        name: 'prerender cost, 1000 essays',
        value: (withIt - without) / 1000,
        budget: 5,
        unit: 's',
      });
    rmSync(plain, { recursive: true, force: true });
    rmSync(full, { recursive: true, force: true });
  }
  console.log('\nPrerendering: the same build without and with it');
  table(rows);
}
