import { memo, useEffect, useState } from 'react';
import type { CodeToken } from '../domain/essay';
import type { essayHtmlPlugins } from '../lib/rehypeHtml';
import type { Markdown } from './Markdown';

/**
 * The essay's body. The markdown renderer (react-markdown and its parser, most of the
 * reader's code) loads on demand: the essay route's loader waits for it, except when the
 * page being hydrated already holds this body as prerendered HTML. Then that HTML is adopted
 * as it stands: the reader's first page neither downloads the parser nor parses the markdown
 * again in one long task while the page is becoming interactive (it was most of the mobile
 * blocking time). The adopted markup is the one React itself rendered from the same markdown
 * at build time, already in the document; nothing new is injected.
 *
 * An essay with HTML in its Markdown also needs the HTML reader and its allow-list
 * (lib/rehypeHtml.ts, parse5 and the sanitizer): loaded only for such an essay.
 */

interface Renderer {
  Markdown: typeof Markdown;
}
let renderer: Renderer | null = null;
let loading: Promise<Renderer> | null = null;
let htmlPlugins: typeof essayHtmlPlugins | null = null;
let loadingHtml: Promise<unknown> | null = null;

export function loadMarkdownRenderer(): Promise<Renderer> {
  loading ??= import('./Markdown').then((m) => (renderer = m));
  return loading;
}

/** The HTML reader, for an essay whose body has HTML (`EssayBody.html`). */
export function loadHtmlRenderer(): Promise<unknown> {
  loadingHtml ??= import('../lib/rehypeHtml').then((m) => (htmlPlugins = m.essayHtmlPlugins));
  return loadingHtml;
}

/** The attribute naming whose body a `.prose` element holds. */
const BODY_ATTRIBUTE = 'data-essay-body';

/** The element holding this essay's body in the document (highlights, previews and read aloud work on it). */
export function essayBodyElement(slug: string): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  for (const el of document.querySelectorAll<HTMLElement>(`[${BODY_ATTRIBUTE}]`))
    if (el.getAttribute(BODY_ATTRIBUTE) === slug) return el;
  return null;
}

/** This essay's body as prerendered into the document, while it is still there. */
export function prerenderedBody(slug: string): string | null {
  return essayBodyElement(slug)?.innerHTML ?? null;
}

/** Whether the loader must wait for the renderer before this essay can be shown. */
export function needsMarkdownRenderer(slug: string): boolean {
  return renderer === null && prerenderedBody(slug) === null;
}

/** Likewise for the HTML reader, once the body says it has HTML. */
export function needsHtmlRenderer(slug: string, html: boolean | undefined): boolean {
  return html === true && htmlPlugins === null && prerenderedBody(slug) === null;
}

export const EssayBody = memo(function EssayBody({
  slug,
  markdown,
  highlight,
  code,
  html = false,
}: {
  slug: string;
  markdown: string;
  highlight: ReadonlySet<string>;
  code?: readonly (CodeToken[] | null)[] | undefined;
  /** The body has HTML to read (lib/rehypeHtml.ts); it is shown as text until that loads. */
  html?: boolean | undefined;
}) {
  // Read once, in the first (hydrating) render, before React owns the element.
  const [adopted] = useState(() => (renderer ? null : { slug, html: prerenderedBody(slug) }));
  const [, setLoaded] = useState(renderer !== null);
  const useAdopted = adopted?.html != null && adopted.slug === slug && highlight.size === 0;
  useEffect(() => {
    if (useAdopted) return;
    if (!renderer || (html && !htmlPlugins))
      void Promise.all([loadMarkdownRenderer(), html ? loadHtmlRenderer() : null]).then(() =>
        setLoaded(true),
      );
  }, [useAdopted, html]);

  const attributes = { className: 'prose', [BODY_ATTRIBUTE]: slug };
  if (useAdopted)
    return <div {...attributes} dangerouslySetInnerHTML={{ __html: adopted.html! }} />;
  return (
    <div {...attributes}>
      {renderer ? (
        <renderer.Markdown
          markdown={markdown}
          highlight={highlight}
          code={code}
          htmlPlugins={html ? (htmlPlugins ?? undefined) : undefined}
        />
      ) : (
        // Only if the renderer could not be loaded ahead (the loader waits for it): the
        // words themselves, unformatted, for the moment it takes.
        markdown.split(/\n{2,}/).map((block, i) => <p key={i}>{block}</p>)
      )}
    </div>
  );
});
