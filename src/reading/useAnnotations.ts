import { useCallback, useEffect, useState } from 'react';
import { essayBodyElement as proseOf } from '../components/EssayBody';
import type { EssaySummary } from '../domain/essay';
import { isTypingTarget } from '../lib/keyboard';
import { findAnchor, offsetsOf, rangeAt, textNodesOf } from './anchor';
import {
  annotationsOf,
  COLOURS,
  HIGHLIGHTS_UNAVAILABLE,
  HighlightsUnavailable,
  onAnnotationsChange,
  refreshEssayDetails,
  type Annotation,
  type Colour,
} from './annotations';

/** The hooks of the reader's highlights (EssayAnnotations.tsx), one concern each. */

export interface Placed {
  annotation: Annotation;
  range: Range | null;
}

const highlightName = (c: Colour) => `note-${c}`;
const FOCUS = 'note-focus';
const supportsHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** The current selection as offsets in the essay's text, when it lies inside it. */
export function selectedSpan(prose: HTMLElement): { start: number; end: number } | null {
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

/**
 * The essay's highlights, loaded and loaded again whenever they change (in this tab or
 * another); `unavailable` when the browser will not open their database. Highlights kept
 * under an older title (or tags) are brought up to the essay as it is.
 */
export function useAnnotations(essay: EssaySummary): {
  annotations: Annotation[];
  unavailable: boolean;
} {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [unavailable, setUnavailable] = useState(false);
  const { threadId, slug, title, theme, tags } = essay;
  useEffect(() => {
    const reload = () =>
      annotationsOf(threadId).then(
        (found) => {
          setAnnotations(found);
          setUnavailable(false);
          markReady();
        },
        () => {
          setUnavailable(true);
          markReady();
        },
      );
    void reload();
    return onAnnotationsChange(() => void reload());
  }, [threadId]);
  useEffect(() => {
    // (Where storage is blocked, loading them has said so already.)
    refreshEssayDetails(threadId, { slug, title, theme, tags }).catch(() => {});
  }, [threadId, slug, title, theme, tags]);
  return { annotations, unavailable };
}

/** Says the highlights are loaded and their keys listen: what end-to-end tests wait on. */
function markReady() {
  document.documentElement.dataset.annotations = 'ready';
}

/** `keep(change)`: why the last change could not be kept, until the next one is. */
export function useKeptChanges(): { failed: string | null; keep: (change: Promise<void>) => void } {
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
  return { failed, keep };
}

/** Each highlight found in the text as it is now, and again whenever the body changes. */
export function usePlaced(annotations: readonly Annotation[], slug: string): Placed[] {
  const [placed, setPlaced] = useState<Placed[]>([]);
  useEffect(() => {
    const prose = proseOf(slug);
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
  }, [annotations, slug]);
  return placed;
}

/**
 * Paints the placed highlights with the CSS Custom Highlight API (no DOM change); returns
 * `showPlace(id)`, which scrolls to one and marks it, false when it is not in the text.
 */
export function usePainted(placed: readonly Placed[]): (id: string) => boolean {
  useEffect(() => {
    if (!supportsHighlights()) return;
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
  }, [placed]);
  return useCallback(
    (id: string) => {
      const found = placed.find((p) => p.annotation.id === id);
      if (!found?.range) return false;
      const box = found.range.getBoundingClientRect();
      window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3 });
      if (supportsHighlights()) CSS.highlights.set(FOCUS, new Highlight(found.range));
      return true;
    },
    [placed],
  );
}

/** Whether words of the essay are selected now. */
export function useHasSelection(slug: string): boolean {
  const [hasSelection, setHasSelection] = useState(false);
  useEffect(() => {
    const onChange = () => {
      const prose = proseOf(slug);
      setHasSelection(prose !== null && selectedSpan(prose) !== null);
    };
    // Words may have been selected before this chunk arrived.
    onChange();
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [slug]);
  return hasSelection;
}

/** `h` highlights the selection, `n` adds a note to it (`create(withNote)`). */
export function useHighlightKeys(slug: string, create: (withNote: boolean) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      if (event.key !== 'h' && event.key !== 'n') return;
      const prose = proseOf(slug);
      if (!prose || !selectedSpan(prose)) return;
      event.preventDefault();
      create(event.key === 'n');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [create, slug]);
}
