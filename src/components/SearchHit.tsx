import { memo, useMemo } from 'react';
import type { EssaySummary } from '../domain/essay';
import { markWords, type Segment } from '../domain/snippet';
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
 * The body's snippet is cut in the search worker; titles and descriptions are short and
 * marked here, memoized, so a result that did not change between keystrokes costs nothing.
 */
export const SearchHit = memo(function SearchHit({
  essay,
  excerpt,
  terms,
  highlight,
  read,
}: {
  essay: EssaySummary;
  /** Marked words around the match in the body, once cut; the description stands in. */
  excerpt: readonly Segment[] | undefined;
  terms: ReadonlySet<string>;
  /** Query string for the reader, to mark the same words there. */
  highlight: string;
  read: boolean;
}) {
  const title = useMemo(() => markWords(essay.title, terms), [essay.title, terms]);
  const description = useMemo(
    () => (excerpt ? null : markWords(essay.description, terms)),
    [excerpt, essay.description, terms],
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
        <Marked segments={excerpt ?? description!} />
      </p>
      <EssayTerms essay={essay} />
    </article>
  );
});
