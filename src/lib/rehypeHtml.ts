import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Options as MarkdownOptions } from 'react-markdown';
import { visit } from 'unist-util-visit';

/**
 * HTML written inside an essay's Markdown (`<figure>`, `<img>`, `<details>`, `<sup>`), read
 * as HTML and then passed through an allow-list, as GitHub renders a README: parsed with
 * rehype-raw (parse5, the browsers' own algorithm) and cleaned with rehype-sanitize
 * (hast-util-sanitize) by the schema below. Loaded only for an essay that has HTML
 * (EssayBody.tsx); see docs/decisions/0014-real-archives.md.
 *
 * What never passes: scripts and styles (removed with their content), event handlers, any
 * attribute not listed (so `style`, whose inline CSS the Content-Security-Policy forbids
 * anyway, `class`, `name`), URLs other than http(s), mailto and relative ones, forms,
 * objects and frames. An element not listed is replaced by its content (`<div>`, `<center>`,
 * `<Server>` in an MDX file keep their words). A frame becomes a link to what it showed.
 */

const ARIA = ['ariaLabel', 'ariaDescribedBy', 'ariaLabelledBy'];

export const ESSAY_HTML_SCHEMA: SanitizeSchema = {
  // Ids are kept as written, not prefixed: the reader's own heading and footnote ids are in
  // this tree too, and the table of contents links to them. Ids are allowed only on
  // headings, list items and links, never on images or forms (which a document's named
  // properties would expose).
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'select', 'button'],
  tagNames: [
    ...['a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col'],
    ...['colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption'],
    ...['figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd'],
    ...['li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp'],
    ...['section', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup'],
    ...['table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var'],
    ...['audio', 'video', 'track', 'wbr', 'aside'],
  ],
  attributes: {
    '*': ['title', 'lang', 'dir'],
    a: [
      'href',
      'id',
      ...ARIA,
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref', 'embed-link'],
    ],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    // Callouts (lib/remarkCallouts.ts).
    aside: [['className', /^callout(?:-[a-z]+)?$/]],
    details: ['open', ['className', /^callout(?:-[a-z]+)?$/]],
    summary: [['className', 'callout-title']],
    p: [['className', 'callout-title']],
    ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, ['id']])),
    h2: ['id', ['className', 'sr-only']],
    li: ['id', ['className', 'task-list-item']],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    img: ['src', 'alt', 'width', 'height', ...ARIA],
    picture: [],
    source: ['src', 'srcSet', 'type', 'media', 'sizes'],
    video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsInline'],
    audio: ['src', 'controls', 'loop'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
    table: ARIA,
    td: ['align', 'colSpan', 'rowSpan', 'headers'],
    th: ['align', 'colSpan', 'rowSpan', 'headers', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    // The build's syntax highlighting (lib/rehypeCode.ts runs before this).
    code: [['className', /^language-./, 'highlighted']],
    span: [['className', /^hl-[\w-]+$/]],
  },
  required: {
    input: { disabled: true, type: 'checkbox' },
    video: { controls: true },
    audio: { controls: true },
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
    src: ['http', 'https'],
    srcSet: ['http', 'https'],
    poster: ['http', 'https'],
  },
};

const EMBEDS: [RegExp, string][] = [
  [/(^|\.)(youtube(-nocookie)?\.com|youtu\.be)$/, 'Video on YouTube'],
  [/(^|\.)vimeo\.com$/, 'Video on Vimeo'],
  [/(^|\.)(twitter|x)\.com$/, 'Post on X'],
  [/(^|\.)codepen\.io$/, 'Pen on CodePen'],
  [/(^|\.)spotify\.com$/, 'On Spotify'],
  [/(^|\.)google\.com$/, 'Map or document on Google'],
];

/** What a frame showed, as words: its title, or the kind of embed and its host. */
function embedLabel(src: URL, title: unknown): string {
  if (typeof title === 'string' && title.trim() !== '') return title.trim();
  const known = EMBEDS.find(([host]) => host.test(src.hostname));
  return known ? known[1] : `Embedded page on ${src.hostname.replace(/^www\./, '')}`;
}

/**
 * Frames (`<iframe>` of a video, a map, a post) cannot run here: the policy allows no
 * frames, and an essay's words should not depend on another site. Each becomes a link to
 * what it showed, labelled by its title or its kind; a frame with no http(s) address goes.
 */
export function rehypeFramesAsLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe' && node.tagName !== 'embed' && node.tagName !== 'object')
        return;
      if (!parent || index === undefined) return;
      const raw = node.properties.src ?? node.properties.data;
      let src: URL | null = null;
      try {
        src = typeof raw === 'string' ? new URL(raw.replace(/^\/\//, 'https://')) : null;
      } catch {
        src = null;
      }
      const anchor: Element | null =
        src && /^https?:$/.test(src.protocol)
          ? {
              type: 'element',
              tagName: 'a',
              properties: { href: src.href, className: ['embed-link'] },
              children: [{ type: 'text', value: embedLabel(src, node.properties.title) }],
            }
          : null;
      // A frame on a line of its own becomes a paragraph of its own.
      const link: ElementContent[] = !anchor
        ? []
        : parent.type === 'root'
          ? [{ type: 'element', tagName: 'p', properties: {}, children: [anchor] }]
          : [anchor];
      parent.children.splice(index, 1, ...link);
      return index + link.length;
    });
  };
}

/** The rehype plugins that read an essay's HTML, in order: parse, frames to links, clean. */
export const essayHtmlPlugins: NonNullable<MarkdownOptions['rehypePlugins']> = [
  rehypeRaw,
  rehypeFramesAsLinks,
  [rehypeSanitize, ESSAY_HTML_SCHEMA],
];
