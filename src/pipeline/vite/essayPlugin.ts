import path from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import type { EssayIndex } from '../../domain/essay.ts';
import { NO_SITE_URL_NOTE, type SiteConfig } from '../../domain/site.ts';
import { devSearchEmitter } from '../emit/devSearch.ts';
import { siteEmitters } from '../emit/emitters.ts';
import { epubBooks, type EpubBook } from '../emit/epub.ts';
import { formatReport, warningLines } from '../problems.ts';
import type { ArchiveOptions } from '../read/archiveOptions.ts';
import { runPipeline, type PipelineResult } from '../run.ts';
import { devPipeline } from './devPipeline.ts';
import { serveEssaysInDev, type DevServing } from './devServer.ts';
import { trace } from '../trace.ts';
import { writeSite } from './writeSite.ts';

/**
 * Runs the content pipeline inside Vite: once per `vite build` (buildStart), writing its
 * files beside the bundle (writeBundle); under `vite dev` again whenever an essay file
 * changes (devServer.ts). The browser learns the hashed data paths from the virtual module
 * `virtual:essay-data`.
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

export function resolveEssaysDir(defaultDir: string): string {
  return path.resolve(process.env.ESSAYS_DIR ?? defaultDir);
}

function printWarnings(result: PipelineResult, log: (msg: string) => void): void {
  const lines = warningLines(result.problems.filter((p) => p.severity === 'warning'));
  for (const line of lines.slice(0, MAX_WARNINGS_SHOWN)) log(line);
  if (lines.length > MAX_WARNINGS_SHOWN)
    log(`… and ${lines.length - MAX_WARNINGS_SHOWN} more warning(s)`);
}

/**
 * What a build keeps once its files are written: what prerendering and the HTML read. The
 * essays themselves are let go (and through them every file's text): at 100,000 essays that
 * is over a gigabyte the prerender threads would otherwise sit on top of
 * (docs/decisions/0013-build-at-100000.md).
 */
export interface WrittenSite {
  index: EssayIndex;
  manifestPath: string;
  searchPath: string;
  hasBooks: boolean;
}

/** What the prerender plugin reads from this one. */
export interface EssayPluginApi {
  /** The build's site once written; null before writeBundle or when the essays had errors. */
  written(): WrittenSite | null;
  /** Source of `virtual:essay-data`, for a second (server) build. */
  virtualModule(): string;
}

export const ESSAY_PLUGIN_NAME = 'essay-pipeline';

export function essayPlugin(options: EssayPluginOptions): Plugin<EssayPluginApi> {
  const dir = resolveEssaysDir(options.dir);
  const emitterOptions = { site: options.site, autoSaveBytes: options.autoSaveBytes };
  /** The latest run, until a build has written it. */
  let result: PipelineResult | null = null;
  /** After writeBundle: all a build still needs. */
  let written: WrittenSite | null = null;
  /** Under `vite dev` only. */
  let dev: DevServing | null = null;

  async function run(): Promise<PipelineResult> {
    result = dev
      ? await dev.pipeline.run()
      : await runPipeline(dir, {
          emitters: siteEmitters(emitterOptions),
          archive: options.archive,
        });
    return result;
  }

  /** The latest run's EPUB books, worked out once per run (the HTML and the bundle ask too). */
  let booksOf: { run: PipelineResult; books: EpubBook[] } | null = null;
  /** The EPUB books of this build (none over EPUB_MAX_ESSAYS essays, or with EPUB=off). */
  function books(): EpubBook[] {
    if (!result?.ok || process.env.EPUB === 'off') return [];
    if (booksOf?.run !== result)
      booksOf = { run: result, books: epubBooks(result.essays, options.site.name) };
    return booksOf.books;
  }

  /** The site as the page sees it: from the written build, or from the latest run. */
  function published(): Omit<WrittenSite, 'index'> | null {
    if (written) return written;
    if (!result?.ok) return null;
    return {
      manifestPath: result.built.manifest!.fileName,
      searchPath: result.built.search!.fileName,
      hasBooks: books().length > 0,
    };
  }

  function virtualModule(): string {
    const site = published();
    const { name, url, description, language } = options.site;
    return [
      `export const manifestPath = ${JSON.stringify(site?.manifestPath ?? '')};`,
      `export const searchPath = ${JSON.stringify(site?.searchPath ?? '')};`,
      `export const site = ${JSON.stringify({ name, url, description, language })};`,
      `export const books = ${JSON.stringify(site?.hasBooks ?? false)};`,
    ].join('\n');
  }

  return {
    name: ESSAY_PLUGIN_NAME,
    api: { written: () => written, virtualModule },

    configResolved(config) {
      if (config.command !== 'serve') return;
      const search = devSearchEmitter();
      const pipeline = devPipeline(dir, {
        emitters: siteEmitters({ ...emitterOptions, devSearch: search }),
        archive: options.archive,
      });
      dev = {
        dir,
        pipeline,
        search,
        rebuild: run,
        current: () => result,
        virtualModuleId: RESOLVED_ID,
      };
    },

    async buildStart() {
      const done = await run();
      if (!done.ok) {
        const report = `\nEssays in ${dir} have problems:\n${formatReport(done.problems)}\n`;
        if (this.environment?.config.command === 'serve') {
          console.error(report);
          this.error('the essays have errors, listed above');
        }
        // A build stops here, its report the last thing printed and ending with what to do:
        // no bundler stack trace after it, no service worker built for a site not written.
        process.stderr.write(report, () => process.exit(1));
        return new Promise<never>(() => {});
      }
      printWarnings(done, (m) => this.warn(m));
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
      const site = published();
      if (site)
        tags.push({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'fetch',
            type: 'application/json',
            crossorigin: 'anonymous',
            href: `${base}${site.manifestPath}`,
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
        const bookList = books();
        writeSite(outDir, result, bookList, options.site, (m) => this.info?.(m));
        trace('wrote the site');
        written = {
          index: result.built.index!.value,
          manifestPath: result.built.manifest!.fileName,
          searchPath: result.built.search!.fileName,
          hasBooks: bookList.length > 0,
        };
        result = null;
        booksOf = null;
      },
    },

    configureServer(server) {
      if (dev) serveEssaysInDev(server, dev);
    },
  };
}
