import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
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

export function Markdown({ markdown }: { markdown: string }) {
  return (
    <ReactMarkdown remarkPlugins={plugins} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}
