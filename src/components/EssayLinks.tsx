import type { LinkedEssay } from '../domain/archive';
import { href, paths } from '../paths';

/** A short titled list of essays ("Related", "More in this theme"). */
export function EssayLinks({
  title,
  essays,
  read,
}: {
  title: string;
  essays: readonly LinkedEssay[];
  read?: (essay: LinkedEssay) => boolean;
}) {
  if (essays.length === 0) return null;
  const id = `links-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="essay-links" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {essays.map((e) => (
          <li key={e.slug}>
            <a href={href(paths.essay.build(e.slug))}>{e.title}</a>{' '}
            <span className="muted">
              {e.readingTime} min{read?.(e) ? ' · read' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
