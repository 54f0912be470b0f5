import { memo, useMemo } from 'react';
import type { EssaySummary } from '../domain/essay';
import { markWords, snippet, type Segment } from '../search/snippet';
import { href, paths } from '../paths';
import { EssayMeta } from './EssayMeta';
import { EssayTerms } from './EssayTerms';

function Marked({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}

/**
 * One search result: title (matches marked), meta, tags, and a snippet around the match.
 * Segments are cut here, memoized on the text and the matched words, so a result that did
 * not change between two keystrokes costs nothing to render again.
 */
export const SearchHit = memo(function SearchHit({
  essay,
  body,
  terms,
  highlight,
  read,
}: {
  essay: EssaySummary;
  /** The body's plain text once loaded; the description stands in until then. */
  body: string | undefined;
  terms: ReadonlySet<string>;
  /** Query string for the reader, to mark the same words there. */
  highlight: string;
  read: boolean;
}) {
  const title = useMemo(() => markWords(essay.title, terms), [essay.title, terms]);
  const excerpt = useMemo(
    () => (body ? snippet(body, terms) : markWords(essay.description, terms)),
    [body, essay.description, terms],
  );
  return (
    <article className="essay-card search-hit">
      <h2 className="essay-card-title">
        <a href={`${href(paths.essay.build(essay.slug))}?${highlight}`}>
          <Marked segments={title} />
        </a>
        {read ? <span className="read-mark"> · read</span> : null}
      </h2>
      <EssayMeta essay={essay} />
      <p className="essay-card-description">
        <Marked segments={excerpt} />
      </p>
      <EssayTerms essay={essay} />
    </article>
  );
});
