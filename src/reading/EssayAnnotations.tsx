import { useCallback, useEffect, useRef, useState } from 'react';
import { essayBodyElement as proseOf } from '../components/EssayBody';
import type { EssaySummary } from '../domain/essay';
import { AnnotationList } from './AnnotationList';
import { describeSpan, textNodesOf } from './anchor';
import {
  deleteAnnotation,
  newId,
  saveAnnotation,
  type Annotation,
  type Colour,
} from './annotations';
import { NoteDialog } from './NoteDialog';
import { SelectionBar } from './SelectionBar';
import {
  selectedSpan,
  useAnnotations,
  useHasSelection,
  useHighlightKeys,
  useKeptChanges,
  usePainted,
  usePlaced,
} from './useAnnotations';

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

export default function EssayAnnotations({ essay }: { essay: EssaySummary }) {
  const { annotations, unavailable } = useAnnotations(essay);
  const placed = usePlaced(annotations, essay.slug);
  const showPlace = usePainted(placed);
  const hasSelection = useHasSelection(essay.slug);
  const { failed, keep } = useKeptChanges();
  const [editing, setEditing] = useState<Annotation | null>(null);
  const lastColour = useRef<Colour>('yellow');

  // A link from the Highlights page: `#highlight-<id>`.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !location.hash.startsWith(HIGHLIGHT_HASH)) return;
    if (showPlace(decodeURIComponent(location.hash.slice(HIGHLIGHT_HASH.length))))
      arrived.current = true;
  }, [showPlace]);

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
  useHighlightKeys(
    essay.slug,
    useCallback((withNote: boolean) => create(lastColour.current, withNote), [create]),
  );

  return (
    <>
      {hasSelection ? (
        <SelectionBar
          unavailable={unavailable}
          onHighlight={(colour) => create(colour, false)}
          onNote={() => create(lastColour.current, true)}
        />
      ) : null}
      {failed ? (
        <p className="annotation-problem" role="alert">
          {failed}
        </p>
      ) : null}
      <AnnotationList
        placed={placed}
        onShow={(a) => showPlace(a.id)}
        onEdit={setEditing}
        onDelete={(a) => keep(deleteAnnotation(a.id))}
      />
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
