import type { EssaySummary } from '../domain/essay';
import { paths } from '../paths';
import { TermLink } from './TermLink';

/** An essay's theme, then its other tags (the theme usually repeats among the tags). */
export function EssayTerms({ essay }: { essay: EssaySummary }) {
  return (
    <ul className="terms" aria-label="Theme and tags">
      <li>
        <TermLink kind="theme" value={essay.theme} to={paths.theme.build(essay.theme)} />
      </li>
      {essay.tags
        .filter((t) => t.toLowerCase() !== essay.theme.toLowerCase())
        .map((tag) => (
          <li key={tag}>
            <TermLink kind="tag" value={tag} to={paths.tag.build(tag)} />
          </li>
        ))}
    </ul>
  );
}
