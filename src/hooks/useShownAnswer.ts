import { startTransition, useEffect, useRef, useState } from 'react';
import { pageCount, PAGE_SIZE } from '../data/browse';
import { loadSummaries } from '../data/essays';
import type { EssaySummary } from '../domain/essay';
import type { SearchAnswer } from '../search/client';

/**
 * Results a phone's first screen shows: their summaries are fetched for every answer, the
 * rest of the page's only once typing pauses. Each keystroke's answer ranks other essays,
 * whose summaries sit in other chunks: fetching twenty per keystroke cost a typed two-word
 * query at 10,000 essays ~350 KB in ~90 requests, mostly for answers seen for 80 ms.
 */
export const FIRST_SCREEN = 4;
/** No new answer for this long: the reader has paused, and the rest is worth fetching. */
export const TYPING_PAUSE_MS = 250;

export interface Shown {
  answer: SearchAnswer;
  page: number;
  essays: EssaySummary[];
  /** False while only the first screen of the page is here. */
  complete: boolean;
}

/**
 * An answer together with the summaries of its shown page, which arrive by chunk: the two
 * are shown as one unit, so each answer renders once (its words, its essays), as a
 * transition the next keystroke never waits behind. Until then the previous unit stays.
 */
export function useShownAnswer(latest: SearchAnswer | null, page: number): Shown | null {
  const [shown, setShown] = useState<Shown | null>(null);
  const shownPage = useRef<number | null>(null);
  useEffect(() => {
    shownPage.current = shown?.page ?? null;
  }, [shown]);
  useEffect(() => {
    if (!latest) return;
    let live = true;
    let completed = false;
    const pages = pageCount(latest.result.hits.length);
    const at = Math.min(page, pages);
    const ids = latest.result.hits.slice((at - 1) * PAGE_SIZE, at * PAGE_SIZE).map((h) => h.doc);
    const show = (essays: EssaySummary[], complete: boolean) => {
      if (!live || completed) return;
      completed = complete;
      startTransition(() => setShown({ answer: latest, page: at, essays, complete }));
    };
    // A first answer (the page opened from a link) or another page of results: all at once.
    // Otherwise one answer is replacing another as the reader types.
    const typing = shownPage.current === at;
    const first = typing ? ids.slice(0, FIRST_SCREEN) : ids;
    // Offline and not saved: none.
    loadSummaries(first).then(
      (essays) => show(essays, first.length === ids.length),
      () => show([], true),
    );
    const rest =
      ids.length > first.length
        ? setTimeout(
            () =>
              loadSummaries(ids).then(
                (essays) => show(essays, true),
                () => {},
              ),
            TYPING_PAUSE_MS,
          )
        : undefined;
    return () => {
      live = false;
      clearTimeout(rest);
    };
  }, [latest, page]);
  return shown;
}
