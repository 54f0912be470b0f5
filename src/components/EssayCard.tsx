import { memo } from 'react';
import type { EssaySummary } from '../domain/essay';
import { href, paths } from '../paths';
import { EssayMeta } from './EssayMeta';
import { EssayTerms } from './EssayTerms';

/** One essay in a list. Memoized: a filter change keeps the cards that stay. */
export const EssayCard = memo(function EssayCard({
  essay,
  read = false,
  position = 0,
}: {
  essay: EssaySummary;
  read?: boolean;
  position?: number;
}) {
  return (
    <article className={read ? 'essay-card is-read' : 'essay-card'}>
      <h2 className="essay-card-title">
        <a href={href(paths.essay.build(essay.slug))}>{essay.title}</a>
        {read ? (
          <span className="read-mark"> · read</span>
        ) : position > 0 ? (
          <span className="read-mark"> · {Math.round(position * 100)}% read</span>
        ) : null}
      </h2>
      <EssayMeta essay={essay} />
      <p className="essay-card-description">{essay.description}</p>
      <EssayTerms essay={essay} />
    </article>
  );
});
