import { contentPaths } from '../contentPaths';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { displayDay } from '../domain/dates';
import type { EssaySlug } from '../domain/essay';
import { foldWord } from '../domain/tokens';
import { useLocale } from '../hooks/useLocale';
import { paths } from '../paths';
import {
  allAnnotations,
  HIGHLIGHTS_UNAVAILABLE,
  onAnnotationsChange,
  type Annotation,
} from '../reading/annotations';

/**
 * Every highlight and note on this device, newest first: filter by tag or theme, search the
 * words, and go to each one's place in its essay. The filters are in the URL, like the list's.
 * Read from IndexedDB, so it works offline; a lazy chunk, loaded on use.
 */

const fold = (s: string) => foldWord(s.normalize('NFC'));

export function Component() {
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const theme = params.get('theme') ?? '';
  const locale = useLocale();

  useEffect(() => {
    const load = () =>
      allAnnotations().then(
        (found) => {
          setAnnotations(found);
          setUnavailable(false);
        },
        () => setUnavailable(true),
      );
    load();
    return onAnnotationsChange(load);
  }, []);

  const all = useMemo(() => annotations ?? [], [annotations]);
  const tags = useMemo(() => [...new Set(all.flatMap((a) => a.tags))].sort(), [all]);
  const themes = useMemo(() => [...new Set(all.map((a) => a.theme))].sort(), [all]);
  const shown = useMemo(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    return all.filter((a) => {
      if (tag && !a.tags.includes(tag)) return false;
      if (theme && a.theme !== theme) return false;
      const text = fold(`${a.anchor.exact} ${a.note} ${a.title}`);
      return words.every((w) => text.includes(w));
    });
  }, [all, q, tag, theme]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageMeta title="Highlights" description="Your highlights and notes, across essays." />
      <h1 className="page-title">Highlights</h1>
      {unavailable ? (
        <p className="page-lead" role="status">
          {HIGHLIGHTS_UNAVAILABLE}
        </p>
      ) : annotations === null ? (
        <p className="page-lead">Loading your highlights…</p>
      ) : all.length === 0 ? (
        <p className="page-lead">
          No highlights yet. Select words in any essay to highlight them or add a note; they are
          kept on this device and listed here.
        </p>
      ) : (
        <>
          <p className="page-lead">
            {all.length} highlight{all.length === 1 ? '' : 's'} and note
            {all.length === 1 ? '' : 's'}, kept on this device.{' '}
            <Link to={paths.library.build()}>Export or import them</Link>.
          </p>
          <form
            className="highlight-filters"
            role="search"
            aria-label="Filter highlights"
            onSubmit={(e) => e.preventDefault()}
          >
            <label>
              Search highlights
              <input type="search" value={q} onChange={(e) => set('q', e.target.value)} />
            </label>
            <TermSelect
              label="Tag"
              any="Any tag"
              value={tag}
              terms={tags}
              onChange={(v) => set('tag', v)}
            />
            <TermSelect
              label="Theme"
              any="Any theme"
              value={theme}
              terms={themes}
              onChange={(v) => set('theme', v)}
            />
          </form>
          <p role="status" className="muted">
            {shown.length === all.length
              ? `Showing all ${all.length}.`
              : `Showing ${shown.length} of ${all.length}.`}
          </p>
          <ul className="annotation-list">
            {shown.map((a) => (
              <li key={a.id} className={`annotation annotation-${a.colour}`}>
                <blockquote>{a.anchor.exact}</blockquote>
                {a.note ? <p className="annotation-note">{a.note}</p> : null}
                <p className="annotation-actions">
                  <Link to={contentPaths.highlight.build(a.slug as EssaySlug, a.id)}>
                    {a.title}
                  </Link>
                  <span className="muted">
                    {displayDay(new Date(a.created).toISOString().slice(0, 10), locale)}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A filter by one kind of term, among those the reader's highlights have. */
function TermSelect(props: {
  label: string;
  any: string;
  value: string;
  terms: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.terms.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </label>
  );
}
