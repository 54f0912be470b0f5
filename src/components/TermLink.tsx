import { memo } from 'react';
import { termLabel } from '../domain/slugs';
import { href } from '../paths';

/** A tag or theme shown with its readable label, linking to its page. */
export const TermLink = memo(function TermLink({
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
    <a href={href(to)} className={`term term-${kind}`} title={value}>
      {label.area ? <span className="term-area">{label.area} › </span> : null}
      {label.name}
    </a>
  );
});
