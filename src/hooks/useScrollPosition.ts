import { useEffect, type RefObject } from 'react';
import { savePosition } from '../lib/progress';

/** How far through `el` the reader is: 0 at its top, 1 when its end is in view. */
export function positionIn(el: HTMLElement): number {
  const rect = el.getBoundingClientRect();
  const seen = window.innerHeight - rect.top;
  if (rect.height <= 0) return 0;
  return Math.min(1, Math.max(0, seen / rect.height));
}

const SAVE_EVERY = 500;

/**
 * Tracks the reading position through an essay: paints the progress bar on every frame of
 * scrolling (directly, no React render) and saves the position at most twice a second and
 * when the page is hidden. Only real scrolling saves, so opening an essay does not mark it.
 */
export function useScrollPosition(
  /** Progress is kept by the essay's thread id. */
  threadId: string,
  slug: string,
  article: RefObject<HTMLElement | null>,
  bar: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const el = article.current;
    if (!el) return;
    let frame = 0;
    let lastSave = 0;
    let trailing = 0;
    let scrolled = false;
    // The last position measured while the essay was on screen; saved on leaving, when the
    // element may already be detached and measure as zero.
    let position = positionIn(el);
    const save = () => {
      trailing = 0;
      lastSave = Date.now();
      savePosition({ threadId, slug }, position);
    };
    // Scrolling caused by leaving (the router resets scroll for the next page) is not reading.
    const path = window.location.pathname;
    const paint = () => {
      frame = 0;
      if (window.location.pathname !== path || !el.isConnected) return;
      position = positionIn(el);
      bar.current?.style.setProperty('--progress', String(position));
      if (!scrolled) return;
      // At most one save per SAVE_EVERY ms, and always one after the scrolling stops.
      const wait = lastSave + SAVE_EVERY - Date.now();
      if (wait <= 0) save();
      else if (!trailing) trailing = window.setTimeout(save, wait);
    };
    const onScroll = () => {
      scrolled = true;
      if (!frame) frame = requestAnimationFrame(paint);
    };
    const flush = () => {
      if (scrolled) savePosition({ threadId, slug }, position);
    };
    paint();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      cancelAnimationFrame(frame);
      clearTimeout(trailing);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
    };
  }, [threadId, slug, article, bar]);
}
