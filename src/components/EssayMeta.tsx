import type { EssaySummary } from '../domain/essay';

/** Date as written, reading time, words. The inferred year is offered as a tooltip only. */
export function EssayMeta({
  essay,
  showWords = false,
}: {
  essay: EssaySummary;
  showWords?: boolean;
}) {
  const { date } = essay;
  return (
    <p className="essay-meta">
      <time
        dateTime={date.iso}
        title={date.yearInferred ? `Year not given; sorted as ${date.iso.slice(0, 4)}` : undefined}
      >
        {date.text}
      </time>
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
