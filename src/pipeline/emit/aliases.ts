import type { SiteConfig } from '../../domain/site.ts';
import { paths } from '../../paths.ts';
import type { Emitter, OutputFile } from './context.ts';
import type { FinalEssay } from '../derive/records.ts';
import { warning, type Problem } from '../problems.ts';
import { escapeXml as html } from './escapeXml.ts';

/**
 * Old addresses an essay answers to (Hugo's `aliases`, Jekyll's `redirect_from`: paths like
 * `/old/first-light/`) get a small page that sends the reader on, as Hugo itself writes
 * them: a refresh and a link, no script (the CSP allows none inline). Paths the app owns are
 * never overwritten.
 */

const APP_FOLDERS =
  /^(?:essays|tags|themes|data|assets|media|icons|search|epub|highlights|library)(?:\/|$)/;
const APP_FILES = /^(?:index|shell|404|search|tags|themes)\.html$/;
/**
 * Files the build writes at the top of the site, besides the folders above: public/ (checked
 * by tests/unit/hardening.test.ts), the publishing files, the service worker and its manifest. An
 * alias `/sw.js` would be written as the folder `sw.js/`, and the build then failed to write
 * the real file there.
 */
export const RESERVED_TOP_LEVEL = new Set([
  'boot-settings.js',
  'favicon.svg',
  'robots.txt',
  'feed.xml',
  'sitemap.xml',
  'build-report.txt',
  'sw.js',
  'registersw.js',
  'manifest.webmanifest',
]);
const isReservedTopLevel = (name: string) =>
  RESERVED_TOP_LEVEL.has(name.toLowerCase()) || /^workbox-[^/]*\.js$/i.test(name);

/** `/old/first-light/` → `old/first-light/index.html`; null for one we must not write. */
export function aliasFileName(alias: string): string | null {
  return aliasFile(alias).file;
}

function aliasFile(alias: string): { file: string | null; why?: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(alias.split(/[?#]/)[0]!);
  } catch {
    return { file: null, why: 'it is not a valid address' };
  }
  const clean = decoded.replace(/^\/+/, '').replace(/\/+$/, '');
  if (clean === '') return { file: null, why: 'it is the site’s home page' };
  if (clean.split('/').some((s) => s === '..' || s === '.' || s === ''))
    return { file: null, why: 'it holds an empty, "." or ".." part' };
  const file = /\.html?$/i.test(clean) ? clean : `${clean}/index.html`;
  if (APP_FOLDERS.test(file) || APP_FILES.test(file) || isReservedTopLevel(clean.split('/')[0]!))
    return { file: null, why: 'the app itself uses that address' };
  return { file };
}

/** A warning for each old address (`aliases: [/sw.js]`) that gets no page, naming its file. */
export function aliasProblems(essays: readonly FinalEssay[]): Problem[] {
  const problems: Problem[] = [];
  const claimed = new Map<string, string>();
  for (const essay of essays)
    for (const alias of essay.aliases) {
      if (!alias.startsWith('/')) continue;
      const { file, why } = aliasFile(alias);
      const other = file ? claimed.get(file) : undefined;
      if (file && !other) claimed.set(file, essay.file);
      const reason = why ?? (other && other !== essay.file ? `${other} claims it too` : null);
      if (reason)
        problems.push(
          warning(
            essay.file,
            `the old address ${alias} (aliases) gets no redirect page: ${reason}; skipped`,
            undefined,
            'an old address (aliases) gets no redirect page',
          ),
        );
    }
  return problems;
}

export function aliasEmitter(site: SiteConfig): Emitter {
  return {
    name: 'aliases',
    emit({ essays }) {
      const out: OutputFile[] = [];
      const written = new Set<string>();
      for (const essay of essays)
        for (const alias of essay.aliases) {
          if (!alias.startsWith('/')) continue; // a name (Obsidian), not an address
          const fileName = aliasFileName(alias);
          if (!fileName || written.has(fileName)) continue;
          written.add(fileName);
          const target = `${site.basePath}${paths.essay.build(essay.slug).slice(1)}`;
          const title = html(essay.title);
          out.push({
            fileName,
            source: `<!doctype html>
<html lang="${html(essay.lang ?? site.language)}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${html(target)}">
<meta http-equiv="refresh" content="0; url=${html(target)}">
</head>
<body><p>This essay is now at <a href="${html(target)}">${title}</a>.</p></body>
</html>
`,
          });
        }
      return { files: out };
    },
  };
}
