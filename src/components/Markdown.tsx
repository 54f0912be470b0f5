import { useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { CodeToken } from '../domain/essay';
import { rehypeAlignClasses } from '../lib/rehypeAlignClasses';
import { rehypeCode } from '../lib/rehypeCode';
import { rehypeMark } from '../lib/rehypeMark';
import { remarkFlattenDeep } from '../lib/remarkFlattenDeep';
import { remarkHeadingIds, remarkTypography } from '../lib/remarkReader';

/**
 * Essay bodies as React elements. Raw HTML in the markdown is dropped, never parsed (no
 * rehype-raw): the text between tags stays, the tags go. URLs pass react-markdown's default
 * allow-list (http, https, mailto, relative), so `javascript:` and `data:` links become inert.
 * Headings get the ids the pipeline listed; quotes and dashes are set typographically.
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

const plugins = [remarkGfm, remarkFlattenDeep, remarkHeadingIds, remarkTypography];

const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * `highlight`: folded words to mark, e.g. the words a search matched. `code`: the build's
 * syntax highlighting of the code blocks (src/pipeline/derive/highlight.ts).
 */
export function Markdown({
  markdown,
  highlight = NO_TERMS,
  code,
}: {
  markdown: string;
  highlight?: ReadonlySet<string>;
  code?: readonly (CodeToken[] | null)[] | undefined;
}) {
  const rehypePlugins = useMemo(
    () => [
      rehypeAlignClasses,
      [rehypeCode, { blocks: code }] as [typeof rehypeCode, Parameters<typeof rehypeCode>[0]],
      [rehypeMark, { terms: highlight }] as [typeof rehypeMark, { terms: ReadonlySet<string> }],
    ],
    [highlight, code],
  );
  return (
    <ReactMarkdown remarkPlugins={plugins} rehypePlugins={rehypePlugins} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}
