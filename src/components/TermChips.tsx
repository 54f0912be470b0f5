import type { Term } from '../domain/browse';
import { termLabel } from '../domain/slugs';
import { href, paths } from '../paths';

/** A titled row of tag links with counts ("Often together with", "Tags in this theme"). */
export function TermChips({
  id,
  title,
  terms,
}: {
  id: string;
  title: string;
  terms: readonly Term[];
}) {
  if (terms.length === 0) return null;
  return (
    <section aria-labelledby={id} className="related-terms">
      <h2 id={id}>{title}</h2>
      <ul className="terms">
        {terms.map((t) => (
          <li key={t.key}>
            <a className="term" href={href(paths.tag.build(t.value))}>
              {termLabel(t.value).text} <span className="count">{t.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
