import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import MiniSearch from 'minisearch';
import * as pagefind from 'pagefind';
import { rng } from '../../scripts/corpusLib';
import { bodyText } from '../../src/pipeline/derive/bodyText';
import { indexTerms, STOP_WORDS } from '../../src/domain/tokens';
import type { FinalEssay } from '../../src/pipeline/derive/records';
import { runPipeline } from '../../src/pipeline/run';
import { createEngine } from '../../src/search/engine';
import { storeOfFiles } from '../../src/search/shardStore';
import { BENCH_DIR } from './corpora';
import { check, table } from './stats';

/**
 * `npm run bench -- typos` (issue 24): known-item queries whose misspellings people really
 * made (codespell's dictionary, from the Debian package), over real archives, searched by
 * this app and by MiniSearch (VitePress's settings), Orama (tolerance 1) and Pagefind (no
 * typo tolerance; it indexes the built essay pages and is searched in Chromium), on the same
 * essays and queries in one run. Prints hit@10 for the misspelt word alone and joined by one
 * correct word from the same essay. Queries are drawn from, and MiniSearch and Orama index,
 * the text the app indexes (src/pipeline/derive/bodyText.ts: no code blocks); Pagefind reads
 * the built pages, code included.
 */

const DICTIONARY = '/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt';
const QUERIES = 120;
/** A known-item word is in at most this many essays: all of them fit in the first ten. */
const MAX_DF = 5;

interface Archive {
  name: string;
  dir: string;
}

/** Two real archives copied into the repository (licences beside them), so a clone has both. */
const ARCHIVES: Archive[] = [
  { name: 'jekyll-nullprogram', dir: 'tests/fixtures/corpora/jekyll-nullprogram' },
  { name: 'hugo-jessfraz', dir: 'tests/fixtures/corpora/hugo-jessfraz' },
];

interface TypoQuery {
  target: number;
  misspelt: string;
  meant: string;
  /** A correct word of the same essay, for the second column. */
  companion: string;
}

/** codespell's misspellings with one correction, both plain lower-case words: meant → typos. */
function misspellings(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(DICTIONARY, 'utf8').split('\n')) {
    const m = /^([a-z]+)->([a-z]+),?$/.exec(line.trim());
    if (!m) continue;
    const list = out.get(m[2]!);
    if (list) list.push(m[1]!);
    else out.set(m[2]!, [m[1]!]);
  }
  return out;
}

function essayText(e: FinalEssay): string {
  return [e.title, e.tags.join(' '), e.theme, e.description, bodyText(e.markdown)].join('\n');
}

function makeTypoQueries(essays: readonly FinalEssay[], seed = 24): TypoQuery[] {
  const typos = misspellings();
  const termsOf = essays.map((e) => new Set(indexTerms(essayText(e))));
  const df = new Map<string, number>();
  for (const terms of termsOf) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const candidates: TypoQuery[] = [];
  termsOf.forEach((terms, target) => {
    const rare = [...terms].filter(
      (t) => (df.get(t) ?? 0) <= MAX_DF && typos.has(t) && !STOP_WORDS.has(t),
    );
    const companions = [...terms].filter(
      (t) => t.length >= 4 && !STOP_WORDS.has(t) && !/\d/.test(t) && (df.get(t) ?? 0) <= 20,
    );
    for (const meant of rare) {
      // A misspelling that is itself a word of the archive is no typo here.
      const misspelt = typos.get(meant)!.filter((m) => !df.has(m));
      const others = companions.filter((c) => c !== meant);
      if (misspelt.length > 0 && others.length > 0)
        candidates.push({ target, meant, misspelt: pick(misspelt), companion: pick(others) });
    }
  });
  // Shuffle, then one query per essay first, so no essay dominates.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const used = new Set<number>();
  const first = candidates.filter((q) => !used.has(q.target) && used.add(q.target));
  const rest = candidates.filter((q) => !first.includes(q));
  return [...first, ...rest].slice(0, QUERIES);
}

type Searcher = (query: string) => Promise<number[]> | number[];

/** The site built by `vite build` from the archive, for Pagefind to index. */
async function builtSite(archive: Archive): Promise<string> {
  const outDir = path.join(BENCH_DIR, `typos-${archive.name}`);
  const child = spawn('npx', ['tsx', 'tests/bench/buildChild.ts', outDir], {
    env: {
      ...process.env,
      ESSAYS_DIR: path.resolve(archive.dir),
      ESSAYS_DATE_ANCHOR: '2026-11-24',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`building ${archive.name} failed (exit ${code})`);
  return outDir;
}

/** Pagefind over the built essay pages (their <main>), searched in Chromium. */
async function pagefindSearcher(
  browser: Browser,
  site: string,
  essays: readonly FinalEssay[],
): Promise<{ search: Searcher; close: () => Promise<void> }> {
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site, glob: 'essays/*.html' });
  if (added.page_count !== essays.length)
    throw new Error(`pagefind indexed ${added.page_count} pages of ${essays.length}`);
  const out = path.join(site, 'pagefind');
  await index.writeFiles({ outputPath: out });
  const bySlug = new Map<string, number>(essays.map((e, i) => [e.slug, i]));
  // A plain server without the app's CSP: Pagefind needs WebAssembly.
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(out, url.replace(/^\/pagefind\//, ''));
    if (!url.startsWith('/pagefind/') || !existsSync(file)) {
      res.writeHead(url === '/' ? 200 : 404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>pagefind</title>');
      return;
    }
    const type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.wasm') || file.includes('wasm')
        ? 'application/wasm'
        : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(async () => {
    const pf = (await import('/pagefind/pagefind.js' as string)) as { init(): Promise<void> };
    await pf.init();
    (window as unknown as { pf: unknown }).pf = pf;
  });
  return {
    search: async (q) => {
      const urls = await page.evaluate(async (query) => {
        const pf = (window as unknown as { pf: PagefindApi }).pf;
        const r = await pf.search(query);
        return Promise.all(r.results.slice(0, 10).map(async (x) => (await x.data()).url));
      }, q);
      return urls.map((u) => bySlug.get(/essays\/([^/.]+)/.exec(u)?.[1] ?? '') ?? -1);
    },
    close: async () => {
      await page.close();
      await new Promise((resolve) => server.close(resolve));
      await pagefind.close();
    },
  };
}

interface PagefindApi {
  search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

async function benchArchive(browser: Browser, archive: Archive): Promise<void> {
  const result = await runPipeline(path.resolve(archive.dir), { anchorDate: '2026-11-24' });
  if (!result.ok) throw new Error(`${archive.name} did not build`);
  const { essays } = result;
  const queries = makeTypoQueries(essays);

  const files = new Map(result.outputs.map((o) => [o.fileName, o.source]));
  const manifest = [...files.keys()].find((f) => f.startsWith('data/search.'))!;
  const store = storeOfFiles(manifest, files);
  await store.loadAll();
  const engine = createEngine(store);

  const docs = essays.map((e, id) => ({
    id,
    title: e.title,
    tags: [...e.tags, e.theme].join(' '),
    description: e.description,
    body: bodyText(e.markdown),
  }));
  const mini = new MiniSearch({ fields: ['title', 'tags', 'description', 'body'] });
  mini.addAll(docs);
  const orama = create({
    schema: { title: 'string', tags: 'string', description: 'string', body: 'string' } as const,
  });
  await insertMultiple(
    orama,
    docs.map((d) => ({ ...d, id: String(d.id) })),
  );

  const site = await builtSite(archive);
  const pf = await pagefindSearcher(browser, site, essays);
  const searchers: [string, Searcher][] = [
    ['this app', (q) => engine.search(q, 10).hits.map((h) => h.doc)],
    [
      'MiniSearch (fuzzy 0.2, prefix)',
      (q) =>
        mini
          .search(q, { fuzzy: 0.2, prefix: true, boost: { title: 4 } })
          .slice(0, 10)
          .map((r) => r.id as number),
    ],
    [
      'Orama (tolerance 1)',
      async (q) =>
        (await oramaSearch(orama, { term: q, tolerance: 1, limit: 10 })).hits.map((h) =>
          Number(h.id),
        ),
    ],
    ['Pagefind 1.6', pf.search],
  ];
  const rows = [];
  const figures = new Map<string, { alone: number; joined: number }>();
  try {
    for (const [name, run] of searchers) {
      let alone = 0;
      let joined = 0;
      const missed: string[] = [];
      for (const q of queries) {
        if ((await run(q.misspelt)).includes(q.target)) alone++;
        else missed.push(`${q.misspelt}→${q.meant}`);
        if ((await run(`${q.misspelt} ${q.companion}`)).includes(q.target)) joined++;
        else missed.push(`[${q.misspelt} ${q.companion}]→${q.meant}`);
      }
      figures.set(name, { alone, joined });
      rows.push({
        engine: name,
        'misspelt word alone': `${alone}/${queries.length}`,
        'misspelt word + one correct word': `${joined}/${queries.length}`,
      });
      if (process.env.BENCH_DEBUG && name === 'this app')
        console.log(`  missed: ${missed.join(', ')}`);
    }
  } finally {
    await pf.close();
  }
  console.log(
    `\nReal typos, ${archive.name}: ${essays.length} essays, ${queries.length} known-item queries (codespell misspellings), hit@10`,
  );
  table(rows);
  const ours = figures.get('this app')!;
  const mini10 = figures.get('MiniSearch (fuzzy 0.2, prefix)')!;
  const pct = (n: number) => (100 * n) / queries.length;
  check({
    name: `typos hit@10, word alone, ${archive.name}, vs MiniSearch`,
    value: pct(ours.alone),
    budget: pct(mini10.alone),
    unit: '%',
    lowerIsBetter: false,
  });
  check({
    name: `typos hit@10, with a correct word, ${archive.name}, vs MiniSearch`,
    value: pct(ours.joined),
    budget: Math.max(98, pct(mini10.joined)),
    unit: '%',
    lowerIsBetter: false,
  });
}

export async function benchTypos(browser: Browser): Promise<void> {
  if (!existsSync(DICTIONARY)) {
    console.log(`\nReal typos: skipped, ${DICTIONARY} is missing (apt-get install codespell).`);
    return;
  }
  for (const archive of ARCHIVES) await benchArchive(browser, archive);
}
