import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, preview } from 'vite';
import { ANCHOR, BENCH_DIR, corpusDir } from './corpora';

export interface BuildStats {
  ms: number;
  peakRssMb: number;
}

const statsFile = (outDir: string) => `${outDir}.build.json`;

/** Time and peak memory of the last build of a site (kept beside it), if it was measured. */
export function buildStatsOf(count: number): BuildStats | null {
  const file = statsFile(path.join(BENCH_DIR, `site-${count}`));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStats) : null;
}

/** Builds the site in a process of its own (tests/bench/buildChild.ts), measured. */
export async function measuredBuild(count: number, outDir: string): Promise<BuildStats> {
  const child = spawn('npx', ['tsx', 'tests/bench/buildChild.ts', outDir], {
    env: { ...process.env, ESSAYS_DIR: corpusDir(count), ESSAYS_DATE_ANCHOR: ANCHOR },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`building ${count} essays failed (exit ${code}): ${out.slice(-500)}`);
  const stats = JSON.parse(line) as BuildStats;
  writeFileSync(statsFile(outDir), JSON.stringify(stats));
  return stats;
}

/** Builds the real site for a synthetic corpus (once) and serves it on loopback. */
export async function servedSite(count: number, opts: { rebuild?: boolean } = {}) {
  const outDir = path.join(BENCH_DIR, `site-${count}`);
  if (opts.rebuild || !existsSync(path.join(outDir, 'index.html'))) {
    await measuredBuild(count, outDir);
  }
  return { ...(await previewSite(outDir)), outDir };
}

/** A built site served by `vite preview` on a free loopback port. */
export async function previewSite(outDir: string) {
  const server = await preview({
    configFile: path.resolve('vite.config.ts'),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  return { url, close: () => server.close() };
}

export async function buildSite(count: number, outDir: string): Promise<number> {
  process.env.ESSAYS_DIR = corpusDir(count);
  process.env.ESSAYS_DATE_ANCHOR = ANCHOR;
  const start = performance.now();
  try {
    await build({
      configFile: path.resolve('vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    });
  } finally {
    delete process.env.ESSAYS_DIR;
  }
  return performance.now() - start;
}
