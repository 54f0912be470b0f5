import { memo } from 'react';
import type { EssaySummary } from '../domain/essay';
import type { Segment } from '../search/snippet';
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

/** One search result: title (matches marked), meta, tags, and a snippet around the match. */
export const SearchHit = memo(function SearchHit({
  essay,
  title,
  snippet,
  highlight,
  read,
}: {
  essay: EssaySummary;
  title: readonly Segment[];
  snippet: readonly Segment[];
  /** Query string for the reader, to mark the same words there. */
  highlight: string;
  read: boolean;
}) {
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
        <Marked segments={snippet} />
      </p>
      <EssayTerms essay={essay} />
    </article>
  );
});
