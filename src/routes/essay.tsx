import type { EssaySummary } from '../domain/essay';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  data,
  Navigate,
  useLoaderData,
  useLocation,
  useNavigate,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router';
import { EssayLinks } from '../components/EssayLinks';
import { EssayMeta } from '../components/EssayMeta';
import { EssayNav } from '../components/EssayNav';
import {
  EssayBody,
  loadHtmlRenderer,
  loadMarkdownRenderer,
  needsHtmlRenderer,
  needsMarkdownRenderer,
} from '../components/EssayBody';
import { PageMeta } from '../components/PageMeta';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { TableOfContents } from '../components/TableOfContents';
import { EssayTerms } from '../components/EssayTerms';
import { loadBody, loadEssayPage } from '../data/essays';
import { useHydrated } from '../hooks/useHydrated';
import { useLocale } from '../hooks/useLocale';
import { displayDay } from '../domain/dates';
import { useProgress } from '../hooks/useProgress';
import { useScrollPosition } from '../hooks/useScrollPosition';
import { useShortcuts } from '../hooks/useShortcuts';
import { DONE_AT, loadProgress, RESUME_FROM, setRead } from '../lib/progress';
import { paths } from '../paths';
import { useReadingOrder } from './useReadingOrder';
import { READ_ALOUD_CONTINUE } from '../reading/readAloudKey';
import { site } from 'virtual:essay-data';

/** Highlights and notes: their own chunk, loaded once the reader is interactive. */
const EssayAnnotations = lazy(() => import('../reading/EssayAnnotations'));
/** Previews of linked essays and footnotes: their own chunk, loaded with the annotations. */
const LinkPreviews = lazy(() => import('../reading/LinkPreviews'));
/** Read aloud: loaded when asked for, or when the previous essay went on to this one. */
const ReadAloud = lazy(() => import('../reading/ReadAloud'));

/** The reader. Loaded lazily, so the list page never pays for the markdown renderer. */

/**
 * One essay's page file (found through its slug's bucket) and its body: never the index. An
 * address no essay has is not found, unless the reader kept a highlight there and the essay
 * has been retitled since: then where it is now (src/reading/movedEssay.ts).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const page = await loadEssayPage(slug);
  if (!page) {
    const moved = await import('../reading/movedEssay')
      .then((m) => m.movedEssayPath(slug))
      .catch(() => null); // no IndexedDB here (private modes, the prerender)
    if (moved) return { moved };
    throw data(null, { status: 404 });
  }
  const essay = page.essay;
  const [body] = await Promise.all([
    loadBody(essay).then(async (b) => {
      if (needsHtmlRenderer(essay.slug, b.html)) await loadHtmlRenderer();
      return b;
    }),
    needsMarkdownRenderer(essay.slug) ? loadMarkdownRenderer() : null,
  ]);
  return { essay, body, page };
}

type Loaded = Exclude<Awaited<ReturnType<typeof loader>>, { moved: string }>;

function scrollToPosition(article: HTMLElement, position: number): void {
  const rect = article.getBoundingClientRect();
  const top = window.scrollY + rect.top + position * rect.height - window.innerHeight;
  window.scrollTo({ top: Math.max(0, top) });
}

/** Where to offer resuming this essay: only when the reader left it part-way through. */
function resumeOffer(essay: EssaySummary): { slug: string; position: number } | null {
  const saved = loadProgress()[essay.threadId];
  return saved && saved.position >= RESUME_FROM && saved.position < DONE_AT
    ? { slug: essay.slug, position: saved.position }
    : null;
}

export function Component() {
  const loaded = useLoaderData<typeof loader>();
  const { search, hash } = useLocation();
  // The redirect happens here, not in the loader: a loader never sees the address's hash,
  // and the hash is the highlight's place in the essay.
  if ('moved' in loaded) return <Navigate replace to={`${loaded.moved}${search}${hash}`} />;
  return <Reader {...loaded} />;
}

function Reader({ essay, body, page }: Loaded) {
  const navigate = useNavigate();
  const progress = useProgress();
  const hydrated = useHydrated();
  const locale = useLocale();
  // Read aloud stays open from one essay to the next when the last one asked to go on.
  // Read per essay: the route stays mounted from one essay to the next.
  const continued = useMemo(
    () =>
      hydrated &&
      essay.slug !== '' &&
      typeof sessionStorage !== 'undefined' &&
      sessionStorage.getItem(READ_ALOUD_CONTINUE) === '1',
    [hydrated, essay.slug],
  );
  const [listening, setListening] = useState(false);
  const article = useRef<HTMLElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const toc = useRef<HTMLElement>(null);
  const help = useRef<HTMLDialogElement>(null);
  useScrollPosition(essay.threadId, essay.slug, article, bar);

  // Arriving from search (`?hl=`): mark the matched words and bring the first into view.
  const [params] = useSearchParams();
  const hl = params.get('hl') ?? '';
  const highlight = useMemo(() => new Set(hl.split(/\s+/).filter(Boolean)), [hl]);
  useEffect(() => {
    if (highlight.size === 0) return;
    const first = article.current?.querySelector('.prose mark.search-hit');
    first?.scrollIntoView({ block: 'center' });
  }, [highlight, essay.slug]);

  // The resume offer is decided once per essay opened, from where the reader last left it.
  const [resumeAt, setResumeAt] = useState(() => resumeOffer(essay));
  const [shownFor, setShownFor] = useState(essay.slug);
  if (shownFor !== essay.slug) {
    // A different essay in the same route instance: decide its offer afresh.
    setShownFor(essay.slug);
    setResumeAt(resumeOffer(essay));
  }

  const order = useReadingOrder(page);
  const { prev, next } = order;
  const isRead = progress[essay.threadId]?.read ?? false;

  const shortcuts = useMemo(
    () => ({
      j: () => next && navigate(paths.essay.build(next.slug)),
      ArrowRight: () => next && navigate(paths.essay.build(next.slug)),
      k: () => prev && navigate(paths.essay.build(prev.slug)),
      ArrowLeft: () => prev && navigate(paths.essay.build(prev.slug)),
      t: () => {
        const target = toc.current ?? article.current;
        target?.scrollIntoView();
        (toc.current?.querySelector('a') ?? target)?.focus();
      },
      Escape: () => navigate(order.back),
      '?': () => help.current?.showModal(),
    }),
    [next, prev, navigate, order.back],
  );
  useShortcuts(shortcuts);
  const resume = useCallback(() => {
    if (article.current && resumeAt) scrollToPosition(article.current, resumeAt.position);
    setResumeAt(null);
  }, [resumeAt]);

  return (
    <>
      <div className="reading-progress" ref={bar} aria-hidden="true" />
      <article className="reader" ref={article} lang={body.lang}>
        <PageMeta
          title={essay.title}
          description={essay.description}
          article={{ published: essay.date.iso, tags: essay.tags }}
        />
        <header className="reader-header">
          <h1 className="reader-title">{essay.title}</h1>
          <EssayMeta
            essay={essay}
            showWords
            extra={
              // `lastmod` or `updated` in the file, when it differs from the date.
              body.updated ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <span>
                    Updated <time dateTime={body.updated}>{displayDay(body.updated, locale)}</time>
                  </span>
                </>
              ) : null
            }
          />
          <EssayTerms essay={essay} />
          {hydrated ? (
            listening || continued ? (
              <Suspense fallback={null}>
                <ReadAloud
                  key={essay.slug}
                  slug={essay.slug}
                  lang={body.lang ?? site.language}
                  next={next ? { title: next.title } : null}
                  onNext={() => next && navigate(paths.essay.build(next.slug))}
                  autoStart={continued}
                />
              </Suspense>
            ) : (
              <p className="read-aloud-start">
                <button type="button" className="link-button" onClick={() => setListening(true)}>
                  Read aloud
                </button>
              </p>
            )
          ) : null}
          {resumeAt && hydrated ? (
            <p className="resume" role="status">
              You were {Math.round(resumeAt.position * 100)}% through this essay.{' '}
              <button type="button" onClick={resume}>
                Resume where you left off
              </button>{' '}
              <button type="button" className="link-button" onClick={() => setResumeAt(null)}>
                Start from the top
              </button>
            </p>
          ) : null}
        </header>
        <TableOfContents headings={body.headings} ref={toc} />
        <EssayBody
          slug={essay.slug}
          markdown={body.markdown}
          highlight={highlight}
          code={body.code}
          html={body.html}
        />
        {hydrated ? (
          <Suspense fallback={null}>
            <EssayAnnotations essay={essay} />
            <LinkPreviews slug={essay.slug} />
          </Suspense>
        ) : null}
        <footer className="reader-footer">
          <p>
            <button
              type="button"
              className="read-toggle"
              aria-pressed={isRead}
              onClick={() => setRead(essay, !isRead)}
            >
              {isRead ? '✓ Read' : 'Mark as read'}
            </button>{' '}
            <span className="hint">
              Press <kbd>?</kbd> for keyboard shortcuts.
            </span>
          </p>
          <EssayNav prev={prev} next={next} orderLabel={order.label} />
          <EssayLinks
            title="Related essays"
            essays={page.related}
            read={(e) => progress[e.threadId]?.read ?? false}
          />
          <EssayLinks
            title="More in this theme"
            essays={page.more}
            read={(e) => progress[e.threadId]?.read ?? false}
          />
        </footer>
      </article>
      <ShortcutsDialog ref={help} />
    </>
  );
}
