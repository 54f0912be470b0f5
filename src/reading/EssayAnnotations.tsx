import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { essayBodyElement as proseOf } from '../components/EssayBody';
import type { EssaySummary } from '../domain/essay';
import { isTypingTarget } from '../lib/keyboard';
import { describeSpan, findAnchor, offsetsOf, rangeAt, textNodesOf } from './anchor';
import {
  annotationsOf,
  COLOURS,
  deleteAnnotation,
  HIGHLIGHTS_UNAVAILABLE,
  HighlightsUnavailable,
  newId,
  onAnnotationsChange,
  refreshEssayDetails,
  saveAnnotation,
  type Annotation,
  type Colour,
} from './annotations';
import { NoteDialog } from './NoteDialog';

/**
 * Highlights and notes in the reader. Select words in the essay (with the mouse, by touch, or
 * with the keyboard under caret browsing): a bar offers the colours and a note; `h` and `n`
 * do the same from the keyboard. Highlights are painted with the CSS Custom Highlight API,
 * which colours text ranges without touching the DOM, so the prerendered, hydrated body stays
 * exactly as React rendered it. After the essay's text changes, each highlight is found
 * again by its quote (src/reading/anchor.ts); one whose words are gone is listed as detached.
 * Loaded on its own once the reader is interactive: the first page pays nothing for it.
 */

export const HIGHLIGHT_HASH = '#highlight-';
const highlightName = (c: Colour) => `note-${c}`;
const FOCUS = 'note-focus';

interface Placed {
  annotation: Annotation;
  range: Range | null;
}

/** The current selection as offsets in the essay's text, when it lies inside it. */
function selectedSpan(prose: HTMLElement): { start: number; end: number } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const span = offsetsOf(prose, selection.getRangeAt(0));
  if (!span) return null;
  const text = textNodesOf(prose).text;
  // Trim spaces a double-click or a drag takes along.
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

export default function EssayAnnotations({ essay }: { essay: EssaySummary }) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [hasSelection, setHasSelection] = useState(false);
  const [editing, setEditing] = useState<Annotation | null>(null);
  const lastColour = useRef<Colour>('yellow');
  const supported = typeof CSS !== 'undefined' && 'highlights' in CSS;
  /** The browser will not open the highlights' database: said where the reader selects. */
  const [unavailable, setUnavailable] = useState(false);
  /** Why the last change could not be kept, until the next one is. */
  const [failed, setFailed] = useState<string | null>(null);
  const keep = useCallback((change: Promise<void>) => {
    change.then(
      () => setFailed(null),
      (e: unknown) =>
        setFailed(
          e instanceof HighlightsUnavailable
            ? HIGHLIGHTS_UNAVAILABLE
            : `That change could not be kept: ${e instanceof Error ? e.message : String(e)}`,
        ),
    );
  }, []);

  const reload = useCallback(() => {
    const ready = () => {
      // Says the highlights are loaded and the keys listen (tests wait on it).
      document.documentElement.dataset.annotations = 'ready';
    };
    annotationsOf(essay.threadId).then(
      (found) => {
        setAnnotations(found);
        setUnavailable(false);
        ready();
      },
      () => {
        setUnavailable(true);
        ready();
      },
    );
  }, [essay.threadId]);
  useEffect(() => {
    reload();
    return onAnnotationsChange(reload);
  }, [reload]);
  // Highlights kept under an older title (or tags) now list and link the essay as it is.
  const { threadId, slug, title, theme, tags } = essay;
  useEffect(() => {
    // (Where storage is blocked, loading them has said so already.)
    refreshEssayDetails(threadId, { slug, title, theme, tags }).catch(() => {});
  }, [threadId, slug, title, theme, tags]);

  // Find each highlight in the text as it is now, and again whenever the body changes.
  useEffect(() => {
    const prose = proseOf(essay.slug);
    if (!prose) return;
    let frame = 0;
    const place = () => {
      const walked = textNodesOf(prose);
      setPlaced(
        annotations.map((annotation) => {
          const at = findAnchor(walked.text, annotation.anchor);
          return { annotation, range: at ? rangeAt(prose, at, walked) : null };
        }),
      );
    };
    place();
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    });
    observer.observe(prose, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [annotations, essay.slug]);

  // Paint them.
  useEffect(() => {
    if (!supported) return;
    for (const colour of COLOURS) {
      const ranges = placed
        .filter((p) => p.range && p.annotation.colour === colour)
        .map((p) => p.range!);
      CSS.highlights.set(highlightName(colour), new Highlight(...ranges));
    }
    return () => {
      for (const colour of COLOURS) CSS.highlights.delete(highlightName(colour));
      CSS.highlights.delete(FOCUS);
    };
  }, [placed, supported]);

  const showPlace = useCallback(
    (id: string) => {
      const found = placed.find((p) => p.annotation.id === id);
      if (!found?.range) return false;
      const box = found.range.getBoundingClientRect();
      window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3 });
      if (supported) CSS.highlights.set(FOCUS, new Highlight(found.range));
      return true;
    },
    [placed, supported],
  );

  // A link from the Highlights page: `#highlight-<id>`.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !location.hash.startsWith(HIGHLIGHT_HASH)) return;
    if (showPlace(decodeURIComponent(location.hash.slice(HIGHLIGHT_HASH.length))))
      arrived.current = true;
  }, [showPlace]);

  useEffect(() => {
    const onChange = () => {
      const prose = proseOf(essay.slug);
      setHasSelection(prose !== null && selectedSpan(prose) !== null);
    };
    // Words may have been selected before this chunk arrived.
    onChange();
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [essay.slug]);

  const create = useCallback(
    (colour: Colour, withNote: boolean) => {
      const prose = proseOf(essay.slug);
      const span = prose && selectedSpan(prose);
      if (!prose || !span) return;
      lastColour.current = colour;
      const now = Date.now();
      const annotation: Annotation = {
        id: newId(),
        threadId: essay.threadId,
        slug: essay.slug,
        title: essay.title,
        theme: essay.theme,
        tags: essay.tags,
        colour,
        note: '',
        anchor: describeSpan(textNodesOf(prose).text, span.start, span.end),
        created: now,
        updated: now,
      };
      document.getSelection()?.removeAllRanges();
      keep(saveAnnotation(annotation));
      if (withNote) setEditing(annotation);
    },
    [essay, keep],
  );

  // `h` highlights the selection, `n` adds a note to it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      if (event.key !== 'h' && event.key !== 'n') return;
      const prose = proseOf(essay.slug);
      if (!prose || !selectedSpan(prose)) return;
      event.preventDefault();
      create(lastColour.current, event.key === 'n');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [create, essay.slug]);

  const found = useMemo(() => placed.filter((p) => p.range), [placed]);
  const detached = useMemo(() => placed.filter((p) => !p.range), [placed]);

  return (
    <>
      {hasSelection && unavailable ? (
        <p className="selection-bar selection-bar-note" role="status">
          {HIGHLIGHTS_UNAVAILABLE}
        </p>
      ) : hasSelection ? (
        <div className="selection-bar" role="toolbar" aria-label="Highlight the selected words">
          {COLOURS.map((colour) => (
            <button
              key={colour}
              type="button"
              className={`swatch swatch-${colour}`}
              aria-label={`Highlight in ${colour}`}
              title={`Highlight in ${colour} (h)`}
              // Keep the selection: a press would otherwise clear it before the click.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => create(colour, false)}
            />
          ))}
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => create(lastColour.current, true)}
          >
            Add a note <kbd>n</kbd>
          </button>
        </div>
      ) : null}
      {failed ? (
        <p className="annotation-problem" role="alert">
          {failed}
        </p>
      ) : null}
      {placed.length > 0 ? (
        <section className="essay-annotations" aria-labelledby="your-highlights">
          <h2 id="your-highlights">Your highlights</h2>
          <ul className="annotation-list">
            {found.map(({ annotation }) => (
              <AnnotationItem
                key={annotation.id}
                annotation={annotation}
                onShow={() => showPlace(annotation.id)}
                onEdit={() => setEditing(annotation)}
                onDelete={() => keep(deleteAnnotation(annotation.id))}
              />
            ))}
          </ul>
          {detached.length > 0 ? (
            <>
              <h3>Not found in the essay as it is now</h3>
              <p className="muted">
                The words these were made on have changed. They are kept here, with their notes.
              </p>
              <ul className="annotation-list detached">
                {detached.map(({ annotation }) => (
                  <AnnotationItem
                    key={annotation.id}
                    annotation={annotation}
                    onEdit={() => setEditing(annotation)}
                    onDelete={() => keep(deleteAnnotation(annotation.id))}
                  />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {editing ? (
        <NoteDialog
          annotation={editing}
          onClose={() => setEditing(null)}
          onSave={(note) => {
            keep(saveAnnotation({ ...editing, note, updated: Date.now() }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}

function AnnotationItem({
  annotation,
  onShow,
  onEdit,
  onDelete,
}: {
  annotation: Annotation;
  onShow?: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <li className={`annotation annotation-${annotation.colour}`}>
      <blockquote>{annotation.anchor.exact}</blockquote>
      {annotation.note ? <p className="annotation-note">{annotation.note}</p> : null}
      <p className="annotation-actions">
        {onShow ? (
          <button type="button" className="link-button" onClick={onShow}>
            Show in the essay
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onEdit}>
          {annotation.note ? 'Edit the note' : 'Add a note'}
        </button>
        <button type="button" className="link-button" onClick={onDelete}>
          Delete
        </button>
      </p>
    </li>
  );
}
