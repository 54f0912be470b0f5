/**
 * `npm run budgets`: deterministic size budgets of the built site (dist/), checked in CI.
 * Gzipped bytes of what the first page load needs (the scripts and styles index.html
 * names), of the essay index and of the search index, for the bundled sample essays.
 * Prints every figure; exits non-zero when one is over its budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(process.argv[2] ?? 'dist');

/** Budgets in KB (gzipped). The initial-JS aim is 90 KB; see docs/decisions/0008. */
export const BUDGETS_KB = {
  // 119: the CommonJS interop helpers moved out of the entry into their own 0.46 KB chunk
  // (rolldown-runtime) once the lazy HTML reader shared them (decision 0014's addendum), and
  // the phone's folded filters added 0.4 KB to the entry.
  'initial JS': 119,
  'initial CSS': 8,
  'reader route (lazy)': 8,
  'markdown renderer (lazy, not on a prerendered first page)': 56,
  // parse5 and the allow-list (docs/decisions/0014): loaded only for an essay with HTML.
  'HTML reader (lazy, only for an essay that has HTML)': 56,
  'search worker (lazy)': 16,
  // Reading kept and carried (docs/decisions/0015): each loads with the reader or on use.
  'highlights and notes (lazy, after the reader is interactive)': 8,
  'link previews (lazy, after the reader is interactive)': 4,
  'read aloud (lazy, on use)': 4,
  'Highlights page (lazy route)': 4,
  'Your library page (lazy route)': 6,
  'essay index (loaded on demand)': 8,
  'search manifest': 2,
  // The archive in pieces (docs/decisions/0011): what an essay page or the list's first
  // screen loads besides the app, whatever the archive's size.
  'archive manifest': 2,
  'summary chunk (largest)': 16,
  'slug bucket (largest)': 8,
  'essay page file (largest)': 4,
  terms: 8,
  'facets (filters and sorts of every essay)': 4,
  'summary chunk table': 2,
  'search word shard (largest)': 16,
  'search postings shard (largest)': 40,
  // Loaded only for a word the archive does not have (a typo in its first letters).
  'search tail shard (largest)': 16,
  // Offline packs (docs/decisions/0012): the table is precached; a pack is one save request.
  'offline pack table': 4,
  'offline pack (largest)': 160,
} as const;

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
/** A URL from index.html (with any base path) as a file in dist/. */
const local = (url: string) => {
  const name = path.posix.basename(url);
  return path.join(DIST, url.includes('/assets/') ? 'assets' : '', name);
};

// Script tags, and the app's module script, which the boot script starts after first paint.
const scripts = [
  ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
  ...html.matchAll(/<meta name="app-script" content="([^"]+)"/g),
].map((m) => m[1]!);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
  (m) => m[1]!,
);
const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
  (m) => m[1]!,
);
const assets = readdirSync(path.join(DIST, 'assets'));
const data = readdirSync(path.join(DIST, 'data'));
const one = (list: string[], re: RegExp, dir: string) => {
  const found = list.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one ${re} in ${dir}, found ${found.length}`);
  return path.join(DIST, dir, found[0]!);
};

const largest = (dir: string) =>
  Math.max(...readdirSync(path.join(DIST, dir)).map((f) => gz(path.join(DIST, dir, f))));

const figures: Record<keyof typeof BUDGETS_KB, number> = {
  'initial JS': [...scripts, ...preloads].map(local).reduce((s, f) => s + gz(f), 0),
  'initial CSS': styles.map(local).reduce((s, f) => s + gz(f), 0),
  'reader route (lazy)': gz(one(assets, /^essay-.*\.js$/, 'assets')),
  'markdown renderer (lazy, not on a prerendered first page)': gz(
    one(assets, /^Markdown-.*\.js$/, 'assets'),
  ),
  'HTML reader (lazy, only for an essay that has HTML)': gz(
    one(assets, /^rehypeHtml-.*\.js$/, 'assets'),
  ),
  'search worker (lazy)': gz(one(assets, /^worker-.*\.js$/, 'assets')),
  'highlights and notes (lazy, after the reader is interactive)': [
    /^EssayAnnotations-.*\.js$/,
    /^annotations-.*\.js$/,
    /^anchor-.*\.js$/,
  ]
    .map((re) => gz(one(assets, re, 'assets')))
    .reduce((a, b) => a + b, 0),
  'link previews (lazy, after the reader is interactive)': gz(
    one(assets, /^LinkPreviews-.*\.js$/, 'assets'),
  ),
  'read aloud (lazy, on use)': gz(one(assets, /^ReadAloud-.*\.js$/, 'assets')),
  'Highlights page (lazy route)': gz(one(assets, /^highlights-.*\.js$/, 'assets')),
  'Your library page (lazy route)': gz(one(assets, /^library-.*\.js$/, 'assets')),
  'essay index (loaded on demand)': gz(one(data, /^index\..*\.json$/, 'data')),
  'search manifest': gz(one(data, /^search\..*\.json$/, 'data')),
  'archive manifest': gz(one(data, /^manifest\..*\.json$/, 'data')),
  'summary chunk (largest)': largest('data/summaries'),
  'slug bucket (largest)': largest('data/slugs'),
  'essay page file (largest)': largest('data/pages'),
  terms: gz(one(data, /^terms\..*\.json$/, 'data')),
  'facets (filters and sorts of every essay)': gz(one(data, /^facets\..*\.json$/, 'data')),
  'summary chunk table': gz(one(data, /^summaries\..*\.json$/, 'data')),
  'search word shard (largest)': largest('data/words'),
  'search postings shard (largest)': largest('data/postings'),
  'search tail shard (largest)': largest('data/tails'),
  'offline pack table': gz(one(data, /^packs\..*\.json$/, 'data')),
  'offline pack (largest)': largest('data/packs'),
};

let over = 0;
console.log(`Size budgets for ${path.relative(process.cwd(), DIST) || '.'} (gzipped):`);
for (const [name, bytes] of Object.entries(figures) as [keyof typeof BUDGETS_KB, number][]) {
  const budget = BUDGETS_KB[name];
  const ok = bytes <= budget * 1024;
  if (!ok) over++;
  console.log(
    `  ${ok ? 'ok  ' : 'OVER'}  ${name.padEnd(30)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  (budget ${budget} KB)`,
  );
}
console.log(`  initial files: ${[...scripts, ...preloads, ...styles].join(', ')}`);
if (over > 0) {
  console.error(`${over} size budget(s) exceeded.`);
  process.exit(1);
}
