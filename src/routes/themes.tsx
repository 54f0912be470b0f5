import { useMemo } from 'react';
import { Link, useLoaderData } from 'react-router';
import type { ArchiveTerms } from '../domain/archive';
import { PageMeta } from '../components/PageMeta';
import { themeGroups } from '../data/terms';
import { displayDate } from '../domain/dates';
import { termLabel } from '../domain/slugs';
import { useLocale } from '../hooks/useLocale';
import { paths } from '../paths';

/** Every primary theme, grouped by the broad area before its underscore. */
export function Themes() {
  const terms = useLoaderData<ArchiveTerms>();
  const groups = useMemo(() => themeGroups(terms), [terms]);
  const themeCount = terms.themes.length;
  const locale = useLocale();
  return (
    <>
      <PageMeta title="Themes" description={`${themeCount} themes in ${groups.length} areas.`} />
      <h1 className="page-title">Themes</h1>
      <p className="page-lead">
        {themeCount} themes in {groups.length} areas.
      </p>
      {groups.map((g) => (
        <section
          key={g.area ?? '-'}
          className="theme-group"
          aria-labelledby={`area-${g.area ?? 'other'}`}
        >
          <h2 id={`area-${g.area ?? 'other'}`}>
            {g.area ?? 'Other themes'} <span className="count">{g.count}</span>
          </h2>
          <ul className="theme-cards">
            {g.themes.map(({ theme, topTags, newest }) => (
              <li key={theme.key} className="theme-card">
                <h3>
                  <Link to={paths.theme.build(theme.value)}>{termLabel(theme.value).name}</Link>{' '}
                  <span className="count">
                    {theme.count === 1 ? '1 essay' : `${theme.count} essays`}
                  </span>
                </h3>
                {topTags.length > 0 ? (
                  <p className="theme-tags">
                    Often tagged:{' '}
                    {topTags.map((t, i) => (
                      <span key={t.key}>
                        {i > 0 ? ', ' : ''}
                        <Link to={paths.tag.build(t.value)}>{termLabel(t.value).text}</Link>
                      </span>
                    ))}
                  </p>
                ) : null}
                <p className="theme-newest">
                  Newest: <Link to={paths.essay.build(newest.slug)}>{newest.title}</Link>{' '}
                  <span className="muted">({displayDate(newest.date, locale)})</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
