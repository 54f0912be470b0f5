import { forwardRef } from 'react';
import type { Heading } from '../domain/headings';

/** Contents for essays with three or more headings; links jump to the heading anchors. */
export const TableOfContents = forwardRef<HTMLElement, { headings: readonly Heading[] }>(
  function TableOfContents({ headings }, ref) {
    if (headings.length < 3) return null;
    const top = Math.min(...headings.map((h) => h.depth));
    return (
      <nav className="toc" aria-labelledby="toc-title" ref={ref} tabIndex={-1}>
        <h2 id="toc-title">Contents</h2>
        <ol>
          {headings.map((h) => (
            <li key={h.id} className={`toc-depth-${h.depth - top}`}>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
        </ol>
      </nav>
    );
  },
);
