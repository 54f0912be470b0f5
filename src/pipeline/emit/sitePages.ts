import type { EssaySummary } from '../../domain/essay.ts';
import { normalizeTerm } from '../../domain/slugs.ts';
import { paths } from '../../paths.ts';

/**
 * Every page the archive has, in one list: home, the tag and theme indexes, each essay, each
 * tag page and each theme page (tags and themes once each, however they are spelled). The
 * sitemap lists them; prerendering renders them (plus search and the not-found page).
 */
export interface SitePage {
  path: string;
  /** The day the page last changed, where one is known. */
  lastmod?: string;
}

type PageSource = Pick<EssaySummary, 'slug' | 'tags' | 'theme' | 'date'>;

export function sitePages(essays: readonly PageSource[]): SitePage[] {
  const pages: SitePage[] = [
    { path: paths.home.build(), lastmod: essays[0]?.date.iso },
    { path: paths.tags.build() },
    { path: paths.themes.build() },
  ];
  const tags = new Map<string, string>();
  const themes = new Map<string, string>();
  for (const e of essays) {
    pages.push({ path: paths.essay.build(e.slug), lastmod: e.date.iso });
    for (const t of e.tags) if (!tags.has(normalizeTerm(t))) tags.set(normalizeTerm(t), t);
    if (!themes.has(normalizeTerm(e.theme))) themes.set(normalizeTerm(e.theme), e.theme);
  }
  for (const t of tags.values()) pages.push({ path: paths.tag.build(t) });
  for (const t of themes.values()) pages.push({ path: paths.theme.build(t) });
  return pages;
}
