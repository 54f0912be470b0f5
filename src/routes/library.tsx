import { contentPaths } from '../contentPaths';
import { books, site } from 'virtual:essay-data';
import { useRef, useState } from 'react';
import { useLoaderData } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import type { ArchiveTerms } from '../domain/archive';
import { termLabel } from '../domain/slugs';
import { dataUrl } from '../paths';
import {
  allAnnotations,
  HIGHLIGHTS_UNAVAILABLE,
  HighlightsUnavailable,
} from '../reading/annotations';
import {
  download,
  exportReadingData,
  highlightsMarkdown,
  importReadingData,
  type ImportResult,
} from '../reading/readingData';

/**
 * What the reader takes away: their reading data (highlights, notes, read marks, progress,
 * settings) as JSON to carry to another browser or as Markdown for Obsidian and Readwise,
 * an import that merges, and the archive as EPUB books. A lazy chunk, loaded on use.
 */
export function Component() {
  const terms = useLoaderData<ArchiveTerms>();
  const [result, setResult] = useState<ImportResult | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const day = new Date().toISOString().slice(0, 10);
  /** A failure said in the status line: storage blocked, or a file that could not be read. */
  const refused = (e: unknown, otherwise: string, after = '') =>
    setResult({
      ok: false,
      message: e instanceof HighlightsUnavailable ? `${HIGHLIGHTS_UNAVAILABLE}${after}` : otherwise,
    });

  return (
    <>
      <PageMeta
        title="Your library"
        description="Export and import your reading data; download the essays as EPUB books."
      />
      <h1 className="page-title">Your library</h1>
      <section aria-labelledby="reading-data" className="library-section">
        <h2 id="reading-data">Your reading data</h2>
        <p>
          Highlights, notes, read marks, reading progress and settings are kept in this browser
          only. Export them to keep a copy or to move them to another browser.
        </p>
        <p className="library-actions">
          <button
            type="button"
            onClick={() =>
              exportReadingData().then(
                (data) =>
                  download(
                    `reading-data-${day}.json`,
                    JSON.stringify(data, null, 2),
                    'application/json',
                  ),
                (e: unknown) => refused(e, 'The export could not be made.'),
              )
            }
          >
            Export everything (JSON)
          </button>
          <button
            type="button"
            onClick={() =>
              allAnnotations().then(
                (all) =>
                  download(`highlights-${day}.md`, highlightsMarkdown(all, site), 'text/markdown'),
                (e: unknown) => refused(e, 'The export could not be made.'),
              )
            }
          >
            Export highlights (Markdown)
          </button>
        </p>
        <p>
          <label htmlFor="import-file">Import a JSON export</label>{' '}
          <input
            id="import-file"
            ref={file}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              void chosen
                .text()
                .then(importReadingData)
                .then(setResult, (e: unknown) =>
                  refused(
                    e,
                    'The file could not be read. Nothing was changed.',
                    ' Nothing was changed.',
                  ),
                )
                .finally(() => {
                  if (file.current) file.current.value = '';
                });
            }}
          />
        </p>
        <p role="status" className={result && !result.ok ? 'import-error' : undefined}>
          {result?.message ?? ''}
        </p>
      </section>
      <section aria-labelledby="books" className="library-section">
        <h2 id="books">Books</h2>
        {books ? (
          <>
            <p>
              The essays as EPUB books, for e-readers and reading apps: each with a contents page
              and every essay with its date and tags, oldest first.
            </p>
            <ul>
              <li>
                <a href={dataUrl(contentPaths.archiveEpub.build())} download>
                  Every essay
                </a>
              </li>
              {terms.themes.map((t) => (
                <li key={t.value}>
                  <a href={dataUrl(contentPaths.themeEpub.build(t.value))} download>
                    {termLabel(t.value).name}
                  </a>{' '}
                  <span className="count">{t.count === 1 ? '1 essay' : `${t.count} essays`}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>This archive is too large for books; it is read best here.</p>
        )}
      </section>
    </>
  );
}
