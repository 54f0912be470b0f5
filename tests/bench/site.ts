import { existsSync } from 'node:fs';
import path from 'node:path';
import { build, preview } from 'vite';
import { ANCHOR, BENCH_DIR, corpusDir } from './corpora';

/** Builds the real site for a synthetic corpus (once) and serves it on loopback. */
export async function servedSite(count: number, opts: { rebuild?: boolean } = {}) {
  const outDir = path.join(BENCH_DIR, `site-${count}`);
  if (opts.rebuild || !existsSync(path.join(outDir, 'index.html'))) {
    await buildSite(count, outDir);
  }
  const server = await preview({
    configFile: path.resolve('vite.config.ts'),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  return { url, outDir, close: () => server.close() };
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
