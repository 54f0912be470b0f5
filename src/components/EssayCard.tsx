import { Link } from 'react-router';
import type { EssaySummary } from '../domain/essay';
import { paths } from '../paths';
import { EssayMeta } from './EssayMeta';
import { TermLink } from './TermLink';

export function EssayCard({ essay }: { essay: EssaySummary }) {
  return (
    <article className="essay-card">
      <h2 className="essay-card-title">
        <Link to={paths.essay.build(essay.slug)}>{essay.title}</Link>
      </h2>
      <EssayMeta essay={essay} />
      <p className="essay-card-description">{essay.description}</p>
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
    </article>
  );
}
