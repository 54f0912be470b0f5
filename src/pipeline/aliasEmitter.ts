import type { SiteConfig } from '../domain/site.ts';
import { paths } from '../paths.ts';
import type { Emitter, OutputFile } from './emit.ts';
import { escapeXml as html } from './escapeXml.ts';

/**
 * Old addresses an essay answers to (Hugo's `aliases`, Jekyll's `redirect_from`: paths like
 * `/old/first-light/`) get a small page that sends the reader on, as Hugo itself writes
 * them: a refresh and a link, no script (the CSP allows none inline). Paths the app owns are
 * never overwritten.
 */

const APP_FOLDERS = /^(?:essays|tags|themes|data|assets|media|icons|search)(?:\/|$)/;
const APP_FILES = /^(?:index|shell|404|search|tags|themes)\.html$/;

/** `/old/first-light/` → `old/first-light/index.html`; null for one we must not write. */
export function aliasFileName(alias: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(alias.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const clean = decoded.replace(/^\/+/, '').replace(/\/+$/, '');
  if (clean === '' || clean.split('/').some((s) => s === '..' || s === '.' || s === ''))
    return null;
  const file = /\.html?$/i.test(clean) ? clean : `${clean}/index.html`;
  return APP_FOLDERS.test(file) || APP_FILES.test(file) ? null : file;
}

export function aliasEmitter(site: SiteConfig): Emitter {
  return {
    name: 'aliases',
    emit(essays) {
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
      return out;
    },
  };
}
