import { displayDate, displayDay } from '../domain/dates';
import type { EssaySummary } from '../domain/essay';
import { useLocale } from '../hooks/useLocale';

/**
 * Date as written (a timestamp as a readable day in the reader's locale), reading time, words. The
 * inferred year is offered as a tooltip only.
 */
export function EssayMeta({
  essay,
  showWords = false,
  updated,
}: {
  essay: EssaySummary;
  showWords?: boolean;
  /** `YYYY-MM-DD` of the last update, shown when the file gave one (lastmod, updated). */
  updated?: string | undefined;
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
      {updated ? (
        <>
          <span aria-hidden="true"> · </span>
          <span>
            Updated <time dateTime={updated}>{displayDay(updated, locale)}</time>
          </span>
        </>
      ) : null}
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
