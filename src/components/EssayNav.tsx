import type { LinkedEssay } from '../domain/archive';
import { href, paths } from '../paths';

/** Previous and next essay in the reading order, with where that order comes from. */
export function EssayNav({
  prev,
  next,
  orderLabel,
}: {
  prev: LinkedEssay | null;
  next: LinkedEssay | null;
  orderLabel: string;
}) {
  if (!prev && !next) return null;
  return (
    <nav className="essay-nav" aria-label={`Previous and next essay (${orderLabel})`}>
      {prev ? (
        <a className="essay-nav-prev" rel="prev" href={href(paths.essay.build(prev.slug))}>
          <span className="essay-nav-label">← Previous · {orderLabel}</span>
          <span className="essay-nav-title">{prev.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a className="essay-nav-next" rel="next" href={href(paths.essay.build(next.slug))}>
          <span className="essay-nav-label">Next · {orderLabel} →</span>
          <span className="essay-nav-title">{next.title}</span>
        </a>
      ) : null}
    </nav>
  );
}
