import { contentPaths } from '../../contentPaths.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { TOC_DEPTHS } from '../../domain/headings.ts';
import { absoluteUrl, type SiteConfig } from '../../domain/site.ts';
import { normalizeTerm } from '../../domain/slugs.ts';
import { rehypeAlignClasses } from '../../lib/rehypeAlignClasses.ts';
import { rehypeCode } from '../../lib/rehypeCode.ts';
import { paths } from '../../paths.ts';
import type { FinalEssay } from '../derive/records.ts';
import type { MediaFile } from '../derive/records.ts';
import { NOT_XML, escapeXml as xml } from './escapeXml.ts';
import { highlightBlocks } from '../derive/highlight.ts';
import { headingsOf, parseMarkdown } from '../derive/markdown.ts';
import { zip } from './zip.ts';

/**
 * EPUB 3 books of the archive, written by the build: one of every essay and one per theme
 * (docs/decisions/0015-reading-kept-and-carried.md). Each book has a title page, a contents
 * page and each essay with its date and tags, oldest first, as a book reads. The Markdown is
 * turned into XHTML by the same parser the reader uses. The archive's own images (PNG, JPEG,
 * GIF: the image types every reading system shows) go into the book beside its chapters, at
 * the same relative address as on the site. What a book cannot hold becomes plain text: raw
 * HTML (never run anywhere), images from elsewhere or of other types (their alt text), links
 * to pages outside the book (kept as absolute links when the site has an address).
 * `epubcheck` checks the result in CI.
 */

/** Archives over this many essays get no books: one would be hundreds of megabytes. */
export const EPUB_MAX_ESSAYS = 5000;

// The names the site links to (src/paths.ts builds them for the browser).
export const archiveEpubName = () => contentPaths.archiveEpub.build();
export const themeEpubName = (theme: string) => contentPaths.themeEpub.build(theme);

export interface EpubBook {
  fileName: string;
  title: string;
  essays: readonly FinalEssay[];
}

/** The books this archive gets: the whole, then each theme, or none when it is too big. */
export function epubBooks(essays: readonly FinalEssay[], siteName: string): EpubBook[] {
  if (essays.length === 0 || essays.length > EPUB_MAX_ESSAYS) return [];
  // One book per theme however it is spelled ("Night sky", "night sky"), as its page is.
  const byTheme = new Map<string, FinalEssay[]>();
  for (const e of essays) {
    const key = normalizeTerm(e.theme);
    byTheme.set(key, [...(byTheme.get(key) ?? []), e]);
  }
  return [
    { fileName: archiveEpubName(), title: siteName, essays },
    ...[...byTheme.values()]
      .map((list) => ({ theme: list[0]!.theme, list }))
      .sort((a, b) => a.theme.localeCompare(b.theme, 'en'))
      .map(({ theme, list }) => ({
        fileName: themeEpubName(theme),
        title: `${siteName}: ${theme}`,
        essays: list,
      })),
  ];
}

const chapterName = (e: FinalEssay) => `essays/${e.slug}.xhtml`;

function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function page(lang: string, title: string, body: string, stylesheet: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${xml(lang)}" xml:lang="${xml(lang)}">
<head>
<meta charset="utf-8"/>
<title>${xml(title)}</title>
<link rel="stylesheet" type="text/css" href="${stylesheet}"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Image types EPUB 3 reading systems must show, by extension. */
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
};

/** The archive's images a book may hold (`media/x.<h>.png`), by their name in the build. */
export function bookImages(media: readonly MediaFile[]): Map<string, MediaFile> {
  return new Map(
    media
      .filter((m) => IMAGE_TYPES[path.extname(m.fileName).toLowerCase()])
      .map((m) => [m.fileName, m]),
  );
}

/** An essay's address for an image of the archive (`../media/…`, links.ts) as its name. */
const LOCAL_IMAGE = /^\.\.\/(media\/[^/?#]+)$/;
const IMAGE_IN_CHAPTER = /<img [^>]*src="\.\.\/(media\/[^"/]+)"/g;

/**
 * The essay's body as XHTML, made once for every book it is in: a link to another essay is
 * left as `epub-essay:<slug>` for `linkWithin` to settle per book. `images`: the archive's
 * images a book may hold (bookImages).
 */
export function essayBodyXhtml(
  essay: FinalEssay,
  inArchive: ReadonlySet<string>,
  images: ReadonlyMap<string, MediaFile> = new Map(),
): string {
  const tree = parseMarkdown(essay.markdown);
  // The reader's heading ids, so links to a heading hold in the book too.
  const ids = headingsOf(tree).map((h) => h.id);
  let n = 0;
  visit(tree, 'heading', (node) => {
    if ((TOC_DEPTHS as readonly number[]).includes(node.depth))
      node.data = { ...node.data, hProperties: { id: ids[n++]! } };
  });
  const code = highlightBlocks(tree);
  const hast = toHast(tree) as HastRoot;
  rehypeAlignClasses()(hast);
  rehypeCode({ blocks: code })(hast);

  visit(hast, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const replaceWith = (children: ElementContent[]) => {
      (parent.children as RootContent[]).splice(index, 1, ...children);
      return index;
    };
    if (node.tagName === 'img') {
      // Only the book's own files may be shown; an image from elsewhere is named instead.
      const local = LOCAL_IMAGE.exec(String(node.properties.src ?? ''))?.[1];
      if (local && images.has(local)) {
        node.properties.alt = String(node.properties.alt ?? '');
        return;
      }
      const alt = String(node.properties.alt ?? '').trim();
      return replaceWith(alt ? [{ type: 'text', value: `[${alt}]` }] : []);
    }
    if (node.tagName === 'input') {
      return replaceWith([{ type: 'text', value: node.properties.checked ? '☑ ' : '☐ ' }]);
    }
    if (node.tagName !== 'a') return;
    const href = String(node.properties.href ?? '');
    if (href.startsWith('#')) return;
    if (/^(?:https?|mailto):/i.test(href)) {
      const valid = validUri(href);
      if (valid) {
        node.properties.href = valid;
        return;
      }
    }
    const essayLink = /^([a-z0-9-]+)(#.*)?$/.exec(href);
    if (essayLink && inArchive.has(essayLink[1]!)) {
      node.properties.href = `${ESSAY_LINK}${href}`;
      return;
    }
    // A link that would lead nowhere in a book keeps its words.
    return replaceWith(node.children as ElementContent[]);
  });
  // XML has no bare attributes: `data-footnote-ref` must be `data-footnote-ref=""`. Nor may
  // an attribute hold `<` (an alt text "Income < costs", a link title), which HTML allows and
  // the serializer leaves as it is: it is marked here and escaped after.
  visit(hast, 'element', (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === true) node.properties[key] = '';
      else if (value === false) delete node.properties[key];
      else if (typeof value === 'string' && /[<>]/.test(value))
        node.properties[key] = value.replace(/</g, LT_MARK).replace(/>/g, GT_MARK);
    }
  });
  return xmlText(toHtml(hast, { closeSelfClosing: true, allowDangerousHtml: false }));
}

/** Stand-ins for `<` and `>` in attribute values (Unicode noncharacters: never in a text). */
const LT_MARK = '\uFDD0';
const GT_MARK = '\uFDD1';

/** Serialized XHTML made well-formed: marked attribute characters escaped, the rest dropped. */
// Characters XML cannot hold (a form feed or vertical tab pasted from Word) are dropped, as in
// every text the build writes by hand (escapeXml.ts).
function xmlText(serialized: string): string {
  return serialized.replace(NOT_XML, '').replaceAll(LT_MARK, '&lt;').replaceAll(GT_MARK, '&gt;');
}

const ESSAY_LINK = 'epub-essay:';
const ESSAY_ANCHOR = /<a href="epub-essay:([a-z0-9-]+)(#[^"]*)?"([^>]*)>([\s\S]*?)<\/a>/g;

/**
 * A chapter's links to other essays, for one book: to its chapter when the book has it, to
 * the essay on the site when the site has an address, else just the words.
 */
export function linkWithin(xhtml: string, inBook: ReadonlySet<string>, site: SiteConfig): string {
  const { url } = site;
  return xhtml.replace(
    ESSAY_ANCHOR,
    (_a, slug: string, fragment = '', rest: string, inner: string) => {
      if (inBook.has(slug)) return `<a href="${slug}.xhtml${fragment}"${rest}>${inner}</a>`;
      if (url) {
        const target = absoluteUrl(
          { url },
          paths.essay.build(slug as FinalEssay['slug']) + fragment,
        );
        return `<a href="${xml(target)}"${rest}>${inner}</a>`;
      }
      return inner;
    },
  );
}

/** An external address as a valid URI (a second `#` is escaped), or null. */
function validUri(href: string): string | null {
  try {
    const parsed = new URL(href);
    const hash = parsed.hash ? '#' + parsed.hash.slice(1).replace(/#/g, '%23') : '';
    return parsed.href.replace(/#.*$/, '') + hash;
  } catch {
    return null;
  }
}

function essayChapter(essay: FinalEssay, body: string, site: SiteConfig): string {
  const terms = [essay.theme, ...essay.tags.filter((t) => t !== essay.theme)];
  const article = `<article>
<h1>${xml(essay.title)}</h1>
<p class="meta"><time datetime="${essay.date.iso}">${xml(essay.date.text)}</time> · ${essay.readingTime} min read</p>
<p class="tags">${terms.map(xml).join(' · ')}</p>
${body}
</article>`;
  return page(essay.lang ?? site.language, essay.title, article, '../style.css');
}

const STYLE = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { line-height: 1.2; }
.meta, .tags { font-style: italic; margin: 0.2em 0; }
pre { white-space: pre-wrap; font-size: 0.85em; }
code { font-family: monospace; }
blockquote { margin-left: 1em; padding-left: 1em; border-left: 2px solid #999; }
.align-center { text-align: center; }
.align-right { text-align: right; }
.sr-only { font-size: 0.9em; }
.hl-keyword { color: #a0111f; } .hl-string { color: #0a3069; } .hl-comment { color: #57606a; }
.hl-number, .hl-literal { color: #0550ae; } .hl-title { color: #6639ba; } .hl-type, .hl-built_in { color: #953800; }
nav ol { list-style: none; padding: 0; }
`;

/** Every essay's chapter, made once however many books hold it. */
export type ChapterCache = Map<string, string>;

export function buildEpub(
  book: EpubBook,
  archive: readonly FinalEssay[],
  site: SiteConfig,
  chapters: ChapterCache = new Map(),
  images: ReadonlyMap<string, MediaFile> = new Map(),
  readImage: (image: MediaFile) => Uint8Array = (image) => image.data ?? readFileSync(image.from),
): Buffer {
  // Oldest first, as a book is read; the archive's own order is newest first.
  const essays = [...book.essays].reverse();
  const inBook = new Set(essays.map((e) => e.slug as string));
  const inArchive = new Set(archive.map((e) => e.slug as string));
  const chapterOf = (e: FinalEssay) => {
    let made = chapters.get(e.slug);
    if (made === undefined) {
      made = essayChapter(e, essayBodyXhtml(e, inArchive, images), site);
      chapters.set(e.slug, made);
    }
    return linkWithin(made, inBook, site);
  };
  const chapterTexts = essays.map(chapterOf);
  // The images this book's chapters show, each once, in the order first shown.
  const shown = [
    ...new Set(
      chapterTexts.flatMap((text) => [...text.matchAll(IMAGE_IN_CHAPTER)].map((m) => m[1]!)),
    ),
  ].map((name) => images.get(name)!);
  const lang = site.language;
  const identifier = `urn:uuid:${uuidOf(`${site.url ?? site.name}|${book.fileName}`)}`;
  const newest = essays.reduce((d, e) => (e.date.iso > d ? e.date.iso : d), '1970-01-01');
  const span =
    essays.length > 0
      ? `${essays.length} essay${essays.length === 1 ? '' : 's'}, ${essays[0]!.date.iso.slice(0, 4)}–${newest.slice(0, 4)}`
      : '';

  const cover = page(
    lang,
    book.title,
    `<section epub:type="titlepage" class="titlepage">
<h1>${xml(book.title)}</h1>
<p>${xml(span)}</p>
${site.url ? `<p><a href="${xml(site.url)}">${xml(site.url)}</a></p>` : ''}
</section>`,
    'style.css',
  );
  const nav = page(
    lang,
    'Contents',
    `<nav epub:type="toc" id="toc">
<h1>Contents</h1>
<ol>
${essays.map((e) => `<li><a href="${chapterName(e)}">${xml(e.title)}</a></li>`).join('\n')}
</ol>
</nav>`,
    'style.css',
  );
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${xml(lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">${identifier}</dc:identifier>
<dc:title>${xml(book.title)}</dc:title>
<dc:language>${xml(lang)}</dc:language>
<dc:creator>${xml(site.name)}</dc:creator>
<dc:date>${newest}</dc:date>
<meta property="dcterms:modified">${newest}T00:00:00Z</meta>
</metadata>
<manifest>
<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="style" href="style.css" media-type="text/css"/>
${essays.map((e, i) => `<item id="e${i}" href="${chapterName(e)}" media-type="application/xhtml+xml"/>`).join('\n')}
${shown.map((m, i) => `<item id="m${i}" href="${xml(m.fileName)}" media-type="${IMAGE_TYPES[path.extname(m.fileName).toLowerCase()]!}"/>`).join('\n')}
</manifest>
<spine>
<itemref idref="cover"/>
<itemref idref="nav"/>
${essays.map((_, i) => `<itemref idref="e${i}"/>`).join('\n')}
</spine>
</package>
`;
  const container = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;
  return zip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: container },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/cover.xhtml', data: cover },
    { name: 'OEBPS/nav.xhtml', data: nav },
    { name: 'OEBPS/style.css', data: STYLE },
    ...essays.map((e, i) => ({
      name: `OEBPS/${chapterName(e)}`,
      data: chapterTexts[i]!,
    })),
    // Already compressed: stored as they are.
    ...shown.map((m) => ({ name: `OEBPS/${m.fileName}`, data: readImage(m), store: true })),
  ]);
}
