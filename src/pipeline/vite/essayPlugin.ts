import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HtmlTagDescriptor, Plugin, ViteDevServer } from 'vite';
import { aliasEmitter } from '../emit/aliases.ts';
import {
  bookImages,
  buildEpub,
  epubBooks,
  type ChapterCache,
  type EpubBook,
} from '../emit/epub.ts';
import type { ArchiveOptions } from '../read/archiveOptions.ts';
import { createArchiveEmitter, manifestFileName } from '../emit/archive.ts';
import {
  essayDataEmitter,
  indexFileName,
  searchFileName,
  type OutputFile,
} from '../emit/emitter.ts';
import { ESSAY_EXTENSIONS } from '../read/load.ts';
import { buildReport, formatReport, warningLines } from '../problems.ts';
import { publishEmitter } from '../emit/publish.ts';
import { devPipeline, type DevPipeline } from './devPipeline.ts';
import { devSearchEmitter, type DevSearch } from '../emit/devSearch.ts';
import { runPipeline, type PipelineResult } from '../run.ts';
import { searchIndexEmitter } from '../emit/search.ts';
import { serialRunner } from './serialRunner.ts';
import { NO_SITE_URL_NOTE, type SiteConfig } from '../../domain/site.ts';

/**
 * Runs the content pipeline inside Vite: once per `vite build`, and again in `vite dev`
 * whenever an essay file changes (the open page reloads with the new text).
 * The browser learns the hashed index path from the virtual module `virtual:essay-data`.
 */

export const VIRTUAL_ID = 'virtual:essay-data';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const MAX_WARNINGS_SHOWN = 40;

export interface EssayPluginOptions {
  /** Folder of essays; `ESSAYS_DIR` overrides it. */
  dir: string;
  /** How its files are read (src/pipeline/read/config.ts); the seed format's rules when absent. */
  archive?: ArchiveOptions;
  /** Name and address, for feeds, the sitemap and canonical links (src/domain/site.ts). */
  site: SiteConfig;
  /** Offline saving is automatic up to this size, offered above (OFFLINE_AUTO_SAVE_MB). */
  autoSaveBytes?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.pack': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Writes the pipeline's files under `outDir`, making each file's text as it goes. */
export function writeOutputs(outDir: string, outputs: readonly OutputFile[]): void {
  const made = new Set<string>();
  for (const out of outputs) {
    const file = path.join(outDir, out.fileName);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, out.source);
  }
}

export function resolveEssaysDir(defaultDir: string): string {
  return path.resolve(process.env.ESSAYS_DIR ?? defaultDir);
}

function printWarnings(result: PipelineResult, log: (msg: string) => void): void {
  const lines = warningLines(result.problems.filter((p) => p.severity === 'warning'));
  for (const line of lines.slice(0, MAX_WARNINGS_SHOWN)) log(line);
  if (lines.length > MAX_WARNINGS_SHOWN)
    log(`… and ${lines.length - MAX_WARNINGS_SHOWN} more warning(s)`);
}

/** What the prerender plugin reads from this one: the pipeline's result of this build. */
export interface EssayPluginApi {
  result(): PipelineResult | null;
  /** Source of `virtual:essay-data`, for a second (server) build. */
  virtualModule(): string;
}

export const ESSAY_PLUGIN_NAME = 'essay-pipeline';

export function essayPlugin(options: EssayPluginOptions): Plugin<EssayPluginApi> {
  const dir = resolveEssaysDir(options.dir);
  let result: PipelineResult | null = null;
  let byName = new Map<string, OutputFile>();
  /** Under `vite dev`: the pipeline that keeps per-file work between edits. */
  let dev: DevPipeline | null = null;
  /** Under `vite dev`: the search index, built when first asked for. */
  let devSearch: DevSearch | null = null;
  const emitters = (inDev: boolean) => [
    essayDataEmitter,
    inDev ? (devSearch = devSearchEmitter()) : searchIndexEmitter,
    createArchiveEmitter({ autoSaveBytes: options.autoSaveBytes, packs: !inDev }),
    publishEmitter(options.site),
    aliasEmitter(options.site),
  ];

  async function build(): Promise<PipelineResult> {
    result = dev
      ? await dev.run()
      : await runPipeline(dir, { emitters: emitters(false), archive: options.archive });
    byName = new Map(result.outputs.map((o) => [o.fileName, o]));
    return result;
  }

  function isEssayFile(file: string): boolean {
    return (
      file.startsWith(dir + path.sep) &&
      ESSAY_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext))
    );
  }

  async function rebuildInDev(server: ViteDevServer): Promise<void> {
    const started = performance.now();
    const next = await build();
    const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
    if (mod) server.moduleGraph.invalidateModule(mod);
    if (!next.ok) {
      const report = formatReport(next.problems);
      server.config.logger.error(report);
      server.ws.send({ type: 'error', err: { message: report, stack: '' } });
      return;
    }
    server.config.logger.info(
      `essays: ${next.essays.length} rebuilt from ${dir} in ${Math.round(performance.now() - started)} ms`,
    );
    server.ws.send({ type: 'full-reload' });
  }

  /** The EPUB books of this build (none over EPUB_MAX_ESSAYS essays, or with EPUB=off). */
  function epubs(): EpubBook[] {
    if (!result?.ok || process.env.EPUB === 'off') return [];
    return epubBooks(result.essays, options.site.name);
  }

  /** Whether this build has books; kept once the essays themselves are let go (below). */
  let hasBooks: boolean | null = null;

  /**
   * Once a build has written its files, lets go of all but what prerendering still reads:
   * the essays (and through them every file's text, which their markdown is a slice of) and
   * the made-on-read outputs. At 100,000 essays that is over a gigabyte the prerender threads
   * would otherwise sit on top of (docs/decisions/0013-build-at-100000.md).
   */
  function keepOnlyWhatPrerenderReads(): void {
    if (!result?.ok) return;
    const kept = new Set([
      manifestFileName(result.outputs),
      searchFileName(result.outputs),
      indexFileName(result.outputs),
    ]);
    result = {
      ...result,
      essays: [],
      media: [],
      outputs: result.outputs.filter((o) => kept.has(o.fileName)),
    };
    byName = new Map();
  }

  function virtualModule(): string {
    const ok = result?.ok ?? false;
    const manifestPath = ok ? manifestFileName(result!.outputs) : '';
    const searchPath = ok ? searchFileName(result!.outputs) : '';
    const { name, url, description, language } = options.site;
    return [
      `export const manifestPath = ${JSON.stringify(manifestPath)};`,
      `export const searchPath = ${JSON.stringify(searchPath)};`,
      `export const site = ${JSON.stringify({ name, url, description, language })};`,
      `export const books = ${JSON.stringify(hasBooks ?? epubs().length > 0)};`,
    ].join('\n');
  }

  return {
    name: ESSAY_PLUGIN_NAME,
    api: { result: () => result, virtualModule },

    configResolved(config) {
      if (config.command === 'serve')
        dev = devPipeline(dir, { emitters: emitters(true), archive: options.archive });
    },

    async buildStart() {
      const done = await build();
      printWarnings(done, (m) => this.warn(m));
      if (!done.ok) {
        // The report goes to stderr as plain lines; the bundler's own error (with its stack)
        // then only has to say where to look.
        console.error(`\nEssays in ${dir} have problems:\n${formatReport(done.problems)}\n`);
        this.error('the essays have errors, listed above; nothing was built');
      }
      this.info?.(`essays: ${done.essays.length} from ${dir}`);
      if (done.leftOut.length > 0)
        this.warn(
          `left out of the build (${done.leftOut.length}):\n` +
            done.leftOut.map((l) => `  ${l.file}: ${l.reason}`).join('\n'),
        );
      if (!options.site.url && this.environment?.config.command !== 'serve')
        this.warn(NO_SITE_URL_NOTE);
    },

    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },

    load(id) {
      return id === RESOLVED_ID ? virtualModule() : null;
    },

    transformIndexHtml(html) {
      const base = options.site.basePath;
      const tags: HtmlTagDescriptor[] = [];
      // The feed (written only for a site with an address) is announced on every page, under
      // the base path like every other file.
      if (options.site.url)
        tags.push({
          tag: 'link',
          attrs: {
            rel: 'alternate',
            type: 'application/atom+xml',
            title: options.site.name,
            href: `${base}feed.xml`,
          },
          injectTo: 'head',
        });
      // Every page needs the archive manifest first: fetching it alongside the scripts, not
      // after they ran, saves a round trip (crossorigin matches fetch()'s default
      // credentials, or the browser would fetch it twice).
      if (result?.ok)
        tags.push({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'fetch',
            type: 'application/json',
            crossorigin: 'anonymous',
            href: `${base}${manifestFileName(result.outputs)}`,
          },
          injectTo: 'head',
        });
      // The archive's language (SITE_LANG, or `site.lang` in essays.config) for every page.
      const lang = options.site.language.replace(/[^A-Za-z0-9-]/g, '');
      return { html: html.replace(/<html lang="[^"]*"/, `<html lang="${lang}"`), tags };
    },

    // The data files are written here, one at a time, rather than handed to the bundler,
    // which would hold every one of them (gigabytes at 100,000 essays) until it writes.
    // Before the service worker's precache list is made (closeBundle) and before prerendering
    // reads them.
    writeBundle: {
      sequential: true,
      handler(outputOptions) {
        const outDir = outputOptions.dir;
        if (!outDir || !result?.ok) return;
        const books = epubs();
        hasBooks = books.length > 0;
        writeOutputs(outDir, result.outputs);
        writeFileSync(
          path.join(outDir, 'build-report.txt'),
          buildReport(result.essays.length, result.leftOut, result.problems),
        );
        if (books.length > 0) {
          const started = performance.now();
          const chapters: ChapterCache = new Map();
          const images = bookImages(result.media);
          for (const book of books) {
            const file = path.join(outDir, book.fileName);
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, buildEpub(book, result.essays, options.site, chapters, images));
          }
          this.info?.(
            `books: ${books.length} EPUB files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        }
        for (const image of result.media) {
          mkdirSync(path.dirname(path.join(outDir, image.fileName)), { recursive: true });
          if (image.data) writeFileSync(path.join(outDir, image.fileName), image.data);
          else copyFileSync(image.from, path.join(outDir, image.fileName));
        }
        keepOnlyWhatPrerenderReads();
      },
    },

    configureServer(server) {
      server.watcher.add(dir);
      const rebuild = serialRunner(
        () => rebuildInDev(server),
        (e) => {
          const message = `essays: the rebuild failed: ${e instanceof Error ? e.message : String(e)}`;
          server.config.logger.error(message);
          server.ws.send({ type: 'error', err: { message, stack: '' } });
        },
      );
      const onChange = (file: string) => {
        if (!isEssayFile(path.resolve(file))) return;
        dev?.changed(file);
        void rebuild();
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      server.middlewares.use((req, res, next) => {
        const base = server.config.base;
        const url = (req.url ?? '').split('?')[0]!;
        const name = url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : '';
        const image = result?.media.find((m) => m.fileName === name);
        if (image) {
          res.setHeader('Cache-Control', 'no-cache');
          if (image.fileName.endsWith('.svg')) res.setHeader('Content-Type', 'image/svg+xml');
          res.end(image.data ?? readFileSync(image.from));
          return;
        }
        const file = byName.get(name) ?? devSearch?.file(name);
        if (!file) return next();
        res.setHeader(
          'Content-Type',
          CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
        );
        res.setHeader('Cache-Control', 'no-cache');
        res.end(file.source);
      });
    },
  };
}
