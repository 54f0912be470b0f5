import type { EssaySummary } from '../domain/essay';
import { href, paths } from '../paths';

/** The essay the reader left part-way through, offered at the top of the list. */
export function ContinueReading({ essay, position }: { essay: EssaySummary; position: number }) {
  const left = Math.max(1, Math.round(essay.readingTime * (1 - position)));
  return (
    <aside className="continue-reading" aria-label="Continue reading">
      <span className="continue-label">Continue reading</span>{' '}
      <a href={href(paths.essay.build(essay.slug))}>{essay.title}</a>{' '}
      <span className="muted">
        {Math.round(position * 100)}% read · about {left} min left
      </span>
    </aside>
  );
}
