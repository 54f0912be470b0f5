import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import Tinypool from 'tinypool';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import type { EssayIndex } from '../../domain/essay.ts';
import { PRERENDERED_ATTR, ROOT_ID } from '../../firstPaint.ts';
import { sitePages } from '../emit/sitePages.ts';
import { ESSAY_PLUGIN_NAME, VIRTUAL_ID, type EssayPluginApi } from './essayPlugin.ts';

/**
 * Prerendering: after the browser build, the same app is built once more for Node
 * (src/entry-server.tsx) and every page is rendered to HTML: the list, tags, themes, every
 * tag, theme and essay page, search, and the not-found page (as 404.html for static hosts).
 * Each page is written where static hosts look for it (`/essays/x` → `essays/x.html`) and
 * says which URL it was built for; the browser hydrates it (src/main.tsx).
 *
 * `shell.html` is the page with nothing rendered: the service worker answers navigations
 * with it offline, and the browser renders whatever URL it is at. See
 * docs/decisions/0009-prerendering.md.
 */

const SERVER_ENTRY = 'src/entry-server.tsx';

interface ServerEntry {
  readFilesFrom(outDir: string): void;
  render(path: string): Promise<{ html: string; status: number }>;
}

/** The app paths to prerender, and the file each goes to (relative to the output folder). */
export function pagesFor(index: EssayIndex): { path: string; file: string }[] {
  // Static hosts serve `/x/y` from `x/y.html`; the home page is `index.html`.
  const fileFor = (p: string) =>
    p === '/' ? 'index.html' : `${decodeURIComponent(p.slice(1))}.html`;
  return [
    ...sitePages(index.essays).map(({ path: p }) => ({ path: p, file: fileFor(p) })),
    { path: '/search', file: 'search.html' },
    { path: '/highlights', file: 'highlights.html' },
    { path: '/library', file: 'library.html' },
    // Any path the app does not know renders the not-found page.
    { path: '/404', file: '404.html' },
  ];
}

/**
 * Renders pages on a pool of worker threads (tinypool), one per core (at most 4, none for a
 * small site): the work is React's renderToString and the markdown parser, ~3 ms a page, all
 * CPU. Each thread loads the server entry once; pages go out in batches of 16 as threads
 * finish them, and each batch's HTML comes back to `write` as it is done. The first failure
 * fails the build, names its page, and stops the rest.
 */
async function renderInParallel(
  paths: readonly string[],
  threads: number,
  setup: { entryUrl: string; outDir: string },
  root: string,
  write: (i: number, html: string) => void,
): Promise<void> {
  const BATCH = 16;
  const pool = new Tinypool({
    filename: pathToFileURL(path.resolve(root, 'src/pipeline/vite/prerenderWorker.mjs')).href,
    minThreads: threads,
    maxThreads: threads,
    // Two batches per thread at once: it starts the next while this one's pages are written
    // (one at a time, it sat idle for each round trip: 23% slower at 10,000 essays).
    concurrentTasksPerWorker: 2,
  });
  try {
    const batches: Promise<void>[] = [];
    for (let from = 0; from < paths.length; from += BATCH) {
      const jobs = paths.slice(from, from + BATCH).map((p, k) => ({ id: from + k, path: p }));
      batches.push(
        pool.run({ setup, jobs }).then((pages: { id: number; html: string }[]) => {
          for (const page of pages) write(page.id, page.html);
        }),
      );
    }
    await Promise.all(batches).catch((e: unknown) => {
      pool.cancelPendingTasks();
      throw e;
    });
  } finally {
    await pool.destroy();
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Moves what React rendered for <head> (title, meta, link) out of the body markup, where a
 * partial render leaves it, into the template's head, replacing the template's own title and
 * description.
 */
export function placeHead(template: string, rendered: string): { head: string; body: string } {
  const hoisted: string[] = [];
  let body = rendered;
  // React emits hoistable tags first, before the first element of the tree.
  const lead = /^(?:<title>[^<]*<\/title>|<meta [^>]*\/?>|<link [^>]*\/?>)+/.exec(body);
  if (lead) {
    hoisted.push(lead[0]);
    body = body.slice(lead[0].length);
  }
  let head = template;
  if (hoisted.join('').includes('<title>')) head = head.replace(/<title>[^<]*<\/title>/, '');
  if (hoisted.join('').includes('name="description"'))
    head = head.replace(/<meta\s+name="description"[^>]*>/, '');
  // Replacements are functions throughout: a string replacement reads `$&`, `$$` and `$\``
  // in essays (prices, LaTeX) as patterns and corrupts the page.
  head = head.replace('</head>', () => `${hoisted.join('')}</head>`);
  return { head, body };
}

/** The full page for one prerendered path: the template with the rendered app in its root. */
export function pageHtml(template: string, rendered: string, fullPath: string): string {
  const { head, body } = placeHead(template, rendered);
  return head.replace(
    `<div id="${ROOT_ID}"></div>`,
    () => `<div id="${ROOT_ID}" ${PRERENDERED_ATTR}="${escapeAttr(fullPath)}">${body}</div>`,
  );
}

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  let essays: EssayPluginApi | undefined;
  return {
    name: 'prerender',
    // After Vite's own HTML plugin, so index.html is in the bundle to copy as the shell.
    enforce: 'post',
    // PRERENDER=off builds the browser app alone (the bench compares the two).
    apply: (c, env) => env.command === 'build' && !c.build?.ssr && process.env.PRERENDER !== 'off',
    configResolved(resolved) {
      config = resolved;
      essays = resolved.plugins.find((p) => p.name === ESSAY_PLUGIN_NAME)?.api as
        EssayPluginApi | undefined;
    },
    generateBundle(_, bundle) {
      const page = bundle['index.html'];
      if (page?.type === 'asset')
        this.emitFile({ type: 'asset', fileName: 'shell.html', source: page.source });
    },
    async closeBundle() {
      const written = essays?.written();
      if (!written) return;
      const started = performance.now();
      const outDir = path.resolve(config.root, config.build.outDir);
      // A fresh folder per build: Node caches modules by URL, and the lazy chunks must import
      // the very entry module that was given the data (no cache-busting query on it).
      const serverDir = path.resolve(
        config.root,
        '.tmp/prerender',
        `${path.basename(outDir)}-${process.pid}-${Date.now()}`,
      );
      const serverModules: Record<string, string> = {
        [VIRTUAL_ID]: essays!.virtualModule(),
        // The service worker is registered in the browser only (from an effect).
        'virtual:pwa-register': 'export function registerSW() { return () => {}; }',
      };
      await build({
        configFile: false,
        root: config.root,
        base: config.base,
        mode: config.mode,
        logLevel: 'warn',
        plugins: [
          react(),
          {
            name: 'virtual-modules-for-server',
            resolveId: (id) => (id in serverModules ? `\0${id}` : null),
            load: (id) => (id.startsWith('\0') ? (serverModules[id.slice(1)] ?? null) : null),
          },
        ],
        build: {
          ssr: SERVER_ENTRY,
          outDir: serverDir,
          emptyOutDir: true,
          target: 'node20',
          reportCompressedSize: false,
        },
      });
      const entryUrl = pathToFileURL(path.join(serverDir, 'entry-server.js')).href;

      // The loaders read the data files the browser build wrote, as each page needs them.
      const index = written.index;
      const template = readFileSync(path.join(outDir, 'shell.html'), 'utf8');
      const base = config.base.replace(/\/$/, '');
      const pages = pagesFor(index);
      const paths = pages.map((page) => `${base}${page.path}`);
      // PRERENDER_THREADS overrides the choice (tests compare both ways on a small site).
      const threads =
        Number(process.env.PRERENDER_THREADS) ||
        Math.min(availableParallelism(), 4, Math.ceil(pages.length / 250));
      const write = (i: number, html: string) => {
        const out = pageHtml(template, html, paths[i]!);
        const file = path.join(outDir, pages[i]!.file);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, out);
      };
      if (threads > 1) {
        await renderInParallel(paths, threads, { entryUrl, outDir }, config.root, write);
      } else {
        const entry = (await import(entryUrl)) as ServerEntry;
        entry.readFilesFrom(outDir);
        for (const [i, full] of paths.entries()) write(i, (await entry.render(full)).html);
      }
      rmSync(serverDir, { recursive: true, force: true });
      config.logger.info(
        `prerendered ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s${threads > 1 ? ` on ${threads} threads` : ''}`,
      );
    },
  };
}
