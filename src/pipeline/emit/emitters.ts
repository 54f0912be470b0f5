import { siteConfig, type SiteConfig } from '../../domain/site.ts';
import { aliasEmitter } from './aliases.ts';
import { createArchiveEmitter } from './archive.ts';
import type { Emitter } from './context.ts';
import type { DevSearch } from './devSearch.ts';
import { essayDataEmitter } from './emitter.ts';
import { publishEmitter } from './publish.ts';
import { searchIndexEmitter } from './search.ts';

export interface SiteEmitterOptions {
  /** Name and address, for feeds, the sitemap and old-address pages (src/domain/site.ts). */
  site?: SiteConfig;
  /** Offline saving is automatic up to this size, offered above (OFFLINE_AUTO_SAVE_MB). */
  autoSaveBytes?: number;
  /** Under `vite dev`: the search index built on request, and no offline packs. */
  devSearch?: DevSearch;
}

/**
 * The one emitter list, in order: `vite build`, `vite dev` and the tests all run it. Each
 * emitter reads what those before it built (context.ts): the search index and the archive
 * need the summary index; the archive's manifest names the search index.
 */
export function siteEmitters(options: SiteEmitterOptions = {}): Emitter[] {
  const site = options.site ?? siteConfig({});
  return [
    essayDataEmitter,
    options.devSearch ?? searchIndexEmitter,
    createArchiveEmitter({ autoSaveBytes: options.autoSaveBytes, packs: !options.devSearch }),
    publishEmitter(site),
    aliasEmitter(site),
  ];
}
