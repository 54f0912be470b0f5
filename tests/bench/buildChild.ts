/**
 * Builds one site in a process of its own and prints its time and peak memory as JSON (the
 * bench's own process holds browsers' pipes and earlier corpora, so its peak says nothing of
 * the build's). Run by site.ts: `tsx tests/bench/buildChild.ts <outDir>`, ESSAYS_DIR set.
 */
import path from 'node:path';
import { build } from 'vite';

const outDir = process.argv[2]!;
const start = performance.now();
await build({
  configFile: path.resolve('vite.config.ts'),
  build: { outDir, emptyOutDir: true },
  logLevel: 'warn',
});
const ms = performance.now() - start;
// maxRSS: kilobytes, the peak of this process (prerender threads included).
console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
