import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../paths';
import { PageMeta } from './PageMeta';

/** A calm full-page message that always says what to do next. */
export function ErrorScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="error-screen" aria-labelledby="error-title">
      <PageMeta title={title} noindex />
      <h1 id="error-title">{title}</h1>
      {children}
      <p>
        <Link to={paths.home.build()}>Go to the list of essays</Link>
      </p>
    </section>
  );
}
