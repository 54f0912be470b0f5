import { useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { rehypeAlignClasses } from '../lib/rehypeAlignClasses';
import { rehypeMark } from '../lib/rehypeMark';
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

const plugins = [remarkGfm, remarkHeadingIds, remarkTypography];

const NO_TERMS: ReadonlySet<string> = new Set();

/** `highlight`: folded words to mark, e.g. the words a search matched. */
export function Markdown({
  markdown,
  highlight = NO_TERMS,
}: {
  markdown: string;
  highlight?: ReadonlySet<string>;
}) {
  const rehypePlugins = useMemo(
    () => [
      rehypeAlignClasses,
      [rehypeMark, { terms: highlight }] as [typeof rehypeMark, { terms: ReadonlySet<string> }],
    ],
    [highlight],
  );
  return (
    <ReactMarkdown remarkPlugins={plugins} rehypePlugins={rehypePlugins} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}
