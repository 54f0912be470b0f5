import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Essay bodies as React elements. Raw HTML in the markdown is dropped, never parsed (no
 * rehype-raw): the text between tags stays, the tags go. URLs pass react-markdown's default
 * allow-list (http, https, mailto, relative), so `javascript:` and `data:` links become inert.
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

export function Markdown({ markdown }: { markdown: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}
