import { contentPaths } from '../../contentPaths.ts';
import { createHash } from 'node:crypto';
import path from 'node:path/posix';
import type { EssaySlug } from '../../domain/essay.ts';
import { essaySlugFromTitle } from '../../domain/slugs.ts';
import type { FinalEssay, MediaFile, MediaSource } from './records.ts';
import { WIKI } from './wikiLinks.ts';
import { headingsOfMarkdown } from './markdown.ts';
import { warning, type Problem } from '../problems.ts';
import { mapOutsideCode } from '../read/fences.ts';
import { titleFromFileName, withoutDate } from '../read/fileNames.ts';
import { ESSAY_FILE_LINK } from '../read/templates.ts';
import { IMAGE_EXTENSIONS } from '../read/load.ts';
import { checkImage } from '../read/mediaCheck.ts';

/**
 * Stage 4b: links between essays, as generators and vaults write them, made into the app's
 * addresses once every essay has its slug:
 * - Obsidian and Quartz: `[[note]]`, `[[note|label]]`, `[[note#heading]]`, by file name,
 *   title or one of the note's `aliases`; `![[image.png]]` embeds an image of the vault.
 * - Relative links to another essay's file (`../2021/other.md`).
 * - Template links (`{% post_url %}`, `{{< ref >}}`), which templates.ts left as
 *   `essay-file:name`.
 * - Links to the old site's own pages (`/blog/2008/02/04/`, `/posts/first-light/`), by the
 *   date and name in the address, or by an alias (Hugo's `aliases`).
 * A wiki or template link to nothing becomes its text, with a warning; an old-site address
 * that matches no essay is left as written. Code (fenced or inline) is never touched.
 * Local images an essay uses are copied into the build under hashed names (`media/`).
 */

const MAYBE_LINK = /\[\[|essay-file:|\]\(|\]:|<img\b|<a\s/i;
/** An HTML image's address: `<img … src="…">`, quoted either way. */
const HTML_IMAGE = /(<img\b[^>]*?\ssrc\s*=\s*)(["'])([^"'<>]*)\2[^>]*>/gi;
/** An HTML link's address: `<a … href="…">`. */
const HTML_LINK = /(<a\b[^>]*?\shref\s*=\s*)(["'])([^"'<>]*)\2/gi;
/** A reference link, full (`[text][ref]`), collapsed (`[ref][]`) or shortcut (`[ref]`). */
const REFERENCE = /(?<![\]!\\])\[([^[\]\n]+)\](?:\[([^[\]\n]*)\])?(?![[(:])/g;
/** A definition's label as CommonMark matches it: case and inner spaces folded. */
const referenceKey = (label: string) =>
  label
    .replace(/^\s*\[|\]:\s*$/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
const decodeHtmlAmp = (text: string) => text.replace(/&amp;/g, '&');
const ALT = /\salt\s*=\s*(["'])([^"'<>]*)\1/i;
/*
 * No part of these may run over a `[`: a label that could swallow brackets made a line of
 * 20,000 `[` cost one scan to the line's end per bracket (47 s for one file). A name or label
 * with a `[` in it starts its match at that bracket instead, which rewrites the same address.
 * The title of an inline link starts with a space, so the address and the title cannot both
 * claim the same characters.
 */
const INLINE_TARGET =
  /(!?)\[((?:[^[\]\n]|\n(?![ \t]*\n)|\](?!\())*)\]\(\s*(<[^<>\n]*>|[^)\s]+)((?:\s[^)\n]*)?)\)/g;
const DEFINITION_LINE = /^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)[^\n]*(?:\n|$)/gm;

const MISSING = Symbol('missing');
/** How an essay's page names a published image: `../media/…` (contentPaths.ts). */
const MEDIA_FROM_ESSAY = contentPaths.mediaFromEssay.build('media/');

/** Folders a generator publishes at the site's root: where `/img/x.png` is kept. */
const STATIC_FOLDERS = ['static/', 'public/', 'assets/', 'src/static/', 'src/public/'];

const stemOf = (file: string) =>
  path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .toLowerCase();
const key = (name: string) => name.trim().normalize('NFC').toLowerCase();

interface Target {
  essay: FinalEssay;
  /** Heading ids of the essay by heading text, made when first asked for. */
  headings?: Map<string, string>;
}

export function resolveLinks(
  essays: readonly FinalEssay[],
  media: MediaSource | null,
): { essays: FinalEssay[]; problems: Problem[]; media: MediaFile[] } {
  const problems: Problem[] = [];
  const copied = new Map<string, MediaFile>();
  /** Image files that are not what they claim, reported once each. */
  const refused = new Set<string>();
  if (!essays.some((e) => MAYBE_LINK.test(e.markdown)))
    return { essays: [...essays], problems, media: [] };

  const targets = new Map<FinalEssay, Target>();
  const target = (e: FinalEssay) => {
    let t = targets.get(e);
    if (!t) targets.set(e, (t = { essay: e }));
    return t;
  };
  // Names an essay answers to, for wiki links: its file's name, its path without the
  // extension, its title and its aliases. The first essay to claim a name keeps it.
  const byName = new Map<string, FinalEssay>();
  const byFile = new Map<string, FinalEssay>();
  const byPermalink = new Map<string, FinalEssay>();
  const byDate = new Map<string, FinalEssay[]>();
  const claim = (map: Map<string, FinalEssay>, name: string, e: FinalEssay) => {
    if (name && !map.has(name)) map.set(name, e);
  };
  for (const e of essays) {
    byFile.set(e.file.toLowerCase(), e);
    claim(byName, stemOf(e.file), e);
    claim(byName, key(e.file.replace(/\.[^.]+$/, '')), e);
    claim(byName, key(e.title), e);
    for (const alias of e.aliases) {
      if (alias.startsWith('/')) claim(byPermalink, normalizePermalink(alias), e);
      else claim(byName, key(alias), e);
    }
    byDate.set(e.date.iso, [...(byDate.get(e.date.iso) ?? []), e]);
  }
  const bySlug = new Map<string, FinalEssay>();
  for (const e of essays) {
    claim(bySlug, e.slug, e);
    claim(bySlug, essaySlugFromTitle(titleFromFileName(e.file)), e);
  }
  // Looked up by map, never by scanning: an archive of 100,000 essays with a link in each
  // made a scan per link 10^10 comparisons. Made on first use (most archives need neither).
  let inFolderByName: Map<string, FinalEssay> | null = null;
  /** The first essay in a folder whose path ends in `/name` (`name` may hold folders). */
  const essayEndingIn = (name: string): FinalEssay | undefined => {
    if (name.includes('/')) return essays.find((e) => e.file.toLowerCase().endsWith(`/${name}`));
    if (!inFolderByName) {
      inFolderByName = new Map();
      for (const e of essays) {
        const file = e.file.toLowerCase();
        if (file.includes('/')) claim(inFolderByName, path.posix.basename(file), e);
      }
    }
    return inFolderByName.get(name);
  };
  let mediaIndex: { paths: Set<string>; byName: Map<string, string> } | null = null;
  /** An image file by its path in the folder, else by its name alone (the first found). */
  const mediaFile = (source: MediaSource, relative: string, wanted: string) => {
    if (!mediaIndex) {
      const byName = new Map<string, string>();
      for (const f of source.files)
        if (!byName.has(path.basename(f))) byName.set(path.basename(f), f);
      mediaIndex = { paths: new Set(source.files), byName };
    }
    if (wanted.startsWith('/')) {
      // The old site's root: the folder itself, or the static folder its generator copies
      // to the root (Hugo's static/, Eleventy's and Astro's public/, Jekyll's own root).
      const atRoot = wanted.slice(1);
      for (const folder of ['', ...STATIC_FOLDERS])
        if (mediaIndex.paths.has(folder + atRoot)) return folder + atRoot;
      return undefined;
    }
    if (mediaIndex.paths.has(relative)) return relative;
    if (mediaIndex.paths.has(wanted)) return wanted;
    return mediaIndex.byName.get(path.basename(wanted));
  };

  const hrefTo = (to: FinalEssay, heading?: string): string | null => {
    let fragment = '';
    if (heading) {
      const t = target(to);
      t.headings ??= new Map(
        headingsOfMarkdown(to.markdown).map((h) => [key(h.text), h.id] as const),
      );
      const id = t.headings.get(key(heading));
      if (id === undefined) return null;
      fragment = `#${id}`;
    }
    return contentPaths.essayFromEssay.build(to.slug as EssaySlug, fragment);
  };

  const mediaHref = (essay: FinalEssay, name: string): string | null => {
    if (!media) return null;
    const wanted = decodeSafely(name).replace(/^\.\//, '');
    const relative = path.normalize(path.join(path.dirname(essay.file), wanted));
    const found = mediaFile(media, relative, wanted);
    if (!found) return null;
    if (refused.has(found)) return null;
    let file = copied.get(found);
    if (!file) {
      const checked = checkImage(found, media.read(found));
      if (!checked.ok) {
        refused.add(found);
        problems.push(
          warning(
            found,
            `${checked.why}; not published`,
            undefined,
            'a file named as an image is not one; not published',
          ),
        );
        return null;
      }
      if (checked.removed.length > 0)
        problems.push(
          warning(
            found,
            `held what an image must not (${checked.removed.join(', ')}); published without it`,
            undefined,
            'an SVG held scripts or outside references; published without them',
          ),
        );
      const bytes = checked.bytes;
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
      const ext = path.extname(found).toLowerCase();
      const base = essaySlugFromTitle(path.basename(found, path.extname(found))) || 'image';
      file = {
        fileName: `media/${base}.${hash}${ext}`,
        from: path.join(media.root, found),
        bytes: bytes.byteLength,
        // An SVG is published as cleaned, never as found (mediaCheck.ts).
        ...(ext === '.svg' ? { data: bytes } : {}),
      };
      copied.set(found, file);
    }
    return contentPaths.mediaFromEssay.build(file.fileName);
  };

  /** An essay that a link's address names, or null. */
  const essayAt = (from: FinalEssay, href: string): { to: FinalEssay; hash?: string } | null => {
    const [address = '', hash] = href.split('#', 2);
    if (address.startsWith(ESSAY_FILE_LINK)) {
      const name = decodeSafely(address.slice(ESSAY_FILE_LINK.length)).toLowerCase();
      const to = byFile.get(name) ?? essayEndingIn(name) ?? byName.get(stemOf(name));
      return to ? { to, ...(hash ? { hash } : {}) } : null;
    }
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(address) || address === '') return null;
    if (address.startsWith('/')) {
      const to = essayAtPermalink(address, byPermalink, byDate, bySlug);
      return to ? { to, ...(hash ? { hash } : {}) } : null;
    }
    if (!/\.(?:md|mdx|markdown|txt)$/i.test(address)) return null;
    const file = path.normalize(path.join(path.dirname(from.file), decodeSafely(address)));
    // By its path from this file, else (a path written from elsewhere) by its name alone.
    const to = byFile.get(file.toLowerCase()) ?? byName.get(stemOf(decodeSafely(address)));
    return to ? { to, ...(hash ? { hash } : {}) } : null;
  };

  const resolved = essays.map((essay) => {
    if (!MAYBE_LINK.test(essay.markdown)) return essay;
    const note = (message: string, group: string, at?: number) =>
      problems.push(warning(essay.file, message, at === undefined ? undefined : lineAt(at), group));
    const noteOldSite = (href: string, at: number) =>
      note(
        `the link to ${href} leads to a page or file of the old site that is not in the folder; shown as text`,
        "a link leads to the old site's page or file that is not in the folder; shown as text",
        at,
      );
    /** The file's line of an offset in the markdown. */
    /** Reference labels whose definitions lead to the old site's pages that are not here. */
    const deadLabels = new Set<string>();
    const lineAt = (offset: number) =>
      (essay.bodyLine ?? 1) + (essay.markdown.slice(0, offset).match(/\n/g)?.length ?? 0);
    /**
     * A local image's address in the site; `missing` (with a warning naming its line) when
     * the folder does not hold it; null for an image on another site, left as written.
     */
    const localImage = (written: string, at: number): string | null | typeof MISSING => {
      const address = written.split(/[?#]/)[0]!;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(address) || address === '') return null;
      if (address.startsWith(MEDIA_FROM_ESSAY)) return null; // made by the wiki embed above
      const found = mediaHref(essay, address);
      if (found) return found;
      note(
        `the image ${address} is not in the folder${address.startsWith('/') ? ` (looked for ${address.slice(1)} in it and in ${STATIC_FOLDERS.join(', ')})` : ''}; its description is shown instead`,
        'an image it shows is not in the folder; its description is shown instead',
        at,
      );
      return MISSING;
    };
    /** An image the folder does not hold: its description in its place, never a broken image. */
    const described = (alt: string) => (alt.trim() ? `*${escapeText(alt.trim())}*` : '');
    const nested = essay.markdown.includes('[![');
    const markdown = mapOutsideCode(essay.markdown, (text, start) => {
      const inline = (
        whole: string,
        bang: string,
        label: string,
        rawHref: string,
        title: string,
        at: number,
      ) => {
        const href = rawHref.startsWith('<') ? rawHref.slice(1, -1) : rawHref;
        if (bang) {
          const local = localImage(href, start + at);
          if (local === MISSING) return described(label);
          return local ? `![${label}](${local}${title})` : whole;
        }
        // A link to a file of the old site's root (`/img/big.png`): the image, when kept.
        if (
          href.startsWith('/') &&
          IMAGE_EXTENSIONS.includes(path.extname(href.split(/[?#]/)[0]!).toLowerCase())
        ) {
          const local = localImage(href, start + at);
          if (local === MISSING) return label;
          if (local) return `[${label}](${local}${title})`;
        }
        const found = essayAt(essay, href);
        if (found) {
          const to = hrefTo(found.to, found.hash) ?? hrefTo(found.to)!;
          return `[${label}](${to}${title})`;
        }
        if (href.startsWith(ESSAY_FILE_LINK)) {
          note(
            `the link to ${decodeSafely(href.slice(ESSAY_FILE_LINK.length))} names no essay; shown as text`,
            'a template link names no essay; shown as text',
          );
          return label;
        }
        // A relative address with no file in it (`talks/some-post`, written for the old
        // site's folders): the essay of that name, else its words.
        if (!/^[a-z][a-z0-9+.-]*:|^[#/?]/i.test(href) && !href.startsWith(MEDIA_FROM_ESSAY)) {
          const address = href.split(/[?#]/)[0]!.replace(/\/+$/, '');
          if (bySlug.has(address) || path.extname(address) !== '') return whole;
          const named = bySlug.get(essaySlugFromTitle(address.split('/').pop() ?? ''));
          if (named) return `[${label}](${hrefTo(named)!}${title})`;
          note(
            `the link to ${href} names no essay or file here; shown as text`,
            "a link leads to the old site's page or file that is not in the folder; shown as text",
            start + at,
          );
          return label;
        }
        // An address on the old site (`/blog/2009/01/04/`, `/download/jit.c`) that no
        // essay or file here answers: its words, not a link that leads nowhere.
        if (/^\/(?!\/)/.test(href)) {
          noteOldSite(href, start + at);
          return label;
        }
        return whole;
      };
      const linked = text
        .replace(
          WIKI,
          (_whole, bang: string, name: string, heading: string | undefined, label?: string) => {
            const shown = (label ?? (name || heading?.slice(1) || '')).trim();
            const trimmed = name.trim();
            if (bang && IMAGE_EXTENSIONS.includes(path.extname(trimmed).toLowerCase())) {
              const href = mediaHref(essay, trimmed);
              if (href) return `![${label ?? ''}](${href})`;
              note(
                `the image ![[${trimmed}]] is not in the folder; left out`,
                'an image it names is not in the folder',
              );
              return '';
            }
            const to =
              trimmed === '' ? essay : (byName.get(key(trimmed)) ?? byName.get(stemOf(trimmed)));
            const href = to ? hrefTo(to, heading?.slice(1)) : null;
            if (!to || href === null) {
              note(
                `[[${name}${heading ?? ''}]] names no essay${to ? ' heading' : ''}; shown as text`,
                'a wiki link names no essay; shown as text',
              );
              return escapeText(shown);
            }
            return `[${escapeText(shown)}](${href})`;
          },
        )
        .replace(INLINE_TARGET, inline);
      // A link around an image (`[![thumb](/a.png)](/b.png)`): once more, for the link.
      return (nested ? linked.replace(INLINE_TARGET, inline) : linked)
        .replace(DEFINITION_LINE, (whole: string, lead: string, rawHref: string, at: number) => {
          const href = rawHref.startsWith('<') ? rawHref.slice(1, -1) : rawHref;
          const found = essayAt(essay, href);
          if (found)
            return whole.replace(rawHref, () => hrefTo(found.to, found.hash) ?? hrefTo(found.to)!);
          if (!/^\/(?!\/)/.test(href)) return whole;
          if (IMAGE_EXTENSIONS.includes(path.extname(href.split(/[?#]/)[0]!).toLowerCase())) {
            const local = localImage(href, start + at); // warns when missing
            if (local && local !== MISSING) return whole.replace(rawHref, () => local);
          } else noteOldSite(href, start + at);
          // The old site's page or file, not here: the definition goes, its references
          // become their words (below).
          deadLabels.add(referenceKey(lead));
          return '';
        })
        .replace(
          HTML_LINK,
          (whole: string, lead: string, quote: string, href: string, at: number) => {
            const found = essayAt(essay, decodeHtmlAmp(href));
            if (found) {
              const to = hrefTo(found.to, found.hash) ?? hrefTo(found.to)!;
              return `${lead}${quote}${to}${quote}`;
            }
            if (!/^\/(?!\/)/.test(href)) return whole;
            noteOldSite(href, start + at);
            // An anchor with no address is no link: its words stay, as text.
            return lead.replace(/\shref\s*=\s*$/i, '');
          },
        )
        .replace(
          HTML_IMAGE,
          (whole: string, lead: string, quote: string, src: string, at: number) => {
            const local = localImage(src, start + at);
            if (local === MISSING) return described(ALT.exec(whole)?.[2] ?? '');
            return local
              ? `${lead}${quote}${local}${quote}${whole.slice(lead.length + src.length + 2)}`
              : whole;
          },
        );
    });
    const final =
      deadLabels.size === 0
        ? markdown
        : mapOutsideCode(markdown, (text) =>
            text.replace(REFERENCE, (whole: string, label: string, ref: string | undefined) =>
              deadLabels.has(referenceKey(ref || label)) ? label : whole,
            ),
          );
    return final === essay.markdown ? essay : { ...essay, markdown: final };
  });
  return { essays: resolved, problems, media: [...copied.values()] };
}

/** `/blog/2008/02/04/` → `blog/2008/02/04`; `/x/index.html` → `x`. */
function normalizePermalink(address: string): string {
  return decodeSafely(address)
    .toLowerCase()
    .replace(/[?#].*$/, '')
    .replace(/\/index\.html?$|\.html?$/, '')
    .replace(/^\/+|\/+$/g, '');
}

function essayAtPermalink(
  address: string,
  byPermalink: ReadonlyMap<string, FinalEssay>,
  byDate: ReadonlyMap<string, FinalEssay[]>,
  bySlug: ReadonlyMap<string, FinalEssay>,
): FinalEssay | null {
  const normal = normalizePermalink(address);
  const alias = byPermalink.get(normal);
  if (alias) return alias;
  if (/\.(?!html?$)[a-z0-9]+$/i.test(normal)) return null; // a file: an image, a PDF
  const segments = normal.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  const dated =
    /(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(normal) ?? /(\d{4})-(\d{2})-(\d{2})/.exec(normal);
  if (dated) {
    const sameDay = byDate.get(`${dated[1]}-${dated[2]}-${dated[3]}`) ?? [];
    if (sameDay.length === 1) return sameDay[0]!;
    const named = bySlug.get(essaySlugFromTitle(withoutDate(last)));
    return named && sameDay.includes(named) ? named : null;
  }
  // `/posts/first-light/`: an address ending in the essay's own name, under a section.
  return segments.length >= 2 ? (bySlug.get(last) ?? null) : null;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const escapeText = (text: string) => text.replace(/([[\]\\*_`])/g, '\\$1');
