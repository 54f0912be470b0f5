import { useMemo } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { CodeToken } from '../domain/essay';
import { rehypeAlignClasses } from '../lib/rehypeAlignClasses';
import { rehypeCode } from '../lib/rehypeCode';
import { rehypeMark } from '../lib/rehypeMark';
import { remarkCallouts } from '../lib/remarkCallouts';
import { remarkFlattenDeep } from '../lib/remarkFlattenDeep';
import { remarkHeadingIds, remarkTypography } from '../lib/remarkReader';

/**
 * Essay bodies as React elements. HTML in the markdown is read only when the essay has some
 * and its reader is given (`htmlPlugins`, lib/rehypeHtml.ts: parsed, then an allow-list);
 * without it react-markdown shows such HTML as text, never as markup. URLs pass
 * react-markdown's default allow-list (http, https, mailto, relative), so `javascript:` and
 * `data:` links become inert. Headings get the ids the pipeline listed; quotes and dashes are
 * set typographically.
 */

const components: Components = {
  a({ href, children, node: _node, ...rest }) {
    const external = href !== undefined && /^https?:\/\//i.test(href);
    return (
      <a
        href={href}
        {...rest}
        {...(external ? { rel: 'noopener noreferrer', target: '_blank' } : {})}
      >
        {children}
      </a>
    );
  },
};

type PluggableList = NonNullable<Options['rehypePlugins']>;

const plugins = [remarkGfm, remarkCallouts, remarkFlattenDeep, remarkHeadingIds, remarkTypography];

const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * `highlight`: folded words to mark, e.g. the words a search matched. `code`: the build's
 * syntax highlighting of the code blocks (src/pipeline/derive/highlight.ts).
 */
export function Markdown({
  markdown,
  highlight = NO_TERMS,
  code,
  htmlPlugins,
}: {
  markdown: string;
  highlight?: ReadonlySet<string>;
  code?: readonly (CodeToken[] | null)[] | undefined;
  htmlPlugins?: PluggableList | undefined;
}) {
  const rehypePlugins = useMemo<PluggableList>(
    () => [
      // Before the HTML is read: the build highlighted the Markdown's code blocks only, in
      // their order, and a <pre> written as HTML must not shift that count.
      [rehypeCode, { blocks: code }] as [typeof rehypeCode, Parameters<typeof rehypeCode>[0]],
      ...(htmlPlugins ?? []),
      rehypeAlignClasses,
      [rehypeMark, { terms: highlight }] as [typeof rehypeMark, { terms: ReadonlySet<string> }],
    ],
    [highlight, code, htmlPlugins],
  );
  return (
    <ReactMarkdown remarkPlugins={plugins} rehypePlugins={rehypePlugins} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}
