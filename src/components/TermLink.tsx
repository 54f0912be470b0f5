import { Link } from 'react-router';
import { termLabel } from '../domain/slugs';

/** A tag or theme shown with its readable label, linking to its page. */
export function TermLink({
  to,
  value,
  kind,
}: {
  to: string;
  value: string;
  kind: 'tag' | 'theme';
}) {
  const label = termLabel(value);
  return (
    <Link to={to} className={`term term-${kind}`} title={value}>
      {label.area ? <span className="term-area">{label.area} › </span> : null}
      {label.name}
    </Link>
  );
}
