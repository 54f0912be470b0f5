import type { ReactNode } from 'react';
import { displayDate } from '../domain/dates';
import type { EssaySummary } from '../domain/essay';
import { useLocale } from '../hooks/useLocale';

/**
 * Date as written (a timestamp as a readable day in the reader's locale), reading time, words. The
 * inferred year is offered as a tooltip only.
 */
export function EssayMeta({
  essay,
  showWords = false,
  extra,
}: {
  essay: EssaySummary;
  showWords?: boolean;
  /** More after the date, such as the reader's update date (src/routes/essay.tsx). */
  extra?: ReactNode;
}) {
  const locale = useLocale();
  const { date } = essay;
  return (
    <p className="essay-meta">
      <time
        dateTime={date.iso}
        title={date.yearInferred ? `Year not given; sorted as ${date.iso.slice(0, 4)}` : undefined}
      >
        {displayDate(date, locale)}
      </time>
      {extra}
      <span aria-hidden="true"> · </span>
      <span>{essay.readingTime} min read</span>
      {showWords ? (
        <>
          <span aria-hidden="true"> · </span>
          <span>{essay.wordCount.toLocaleString('en')} words</span>
        </>
      ) : null}
    </p>
  );
}
