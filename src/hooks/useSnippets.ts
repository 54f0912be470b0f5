import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import { dataUrl } from '../paths';
import type { EssaySummary } from '../domain/essay';
import { snippetsFor } from '../search/client';
import type { Segment } from '../domain/snippet';
import { FIRST_SCREEN, TYPING_PAUSE_MS } from './useShownAnswer';

/**
 * Snippets of the shown results' bodies around the matched words, cut in the search worker
 * (which fetches the bodies; the service worker caches them, so this works offline too).
 * Asked for once typing pauses, and for the first screen of results until the reader
 * scrolls: each is one body fetched, and while typing they were most of a query's requests.
 * Until the answer for the current results and words arrives, the previous snippets stay
 * (a result kept between two keystrokes keeps its excerpt instead of flashing back to its
 * description); results without one show their description.
 */
export function useSnippets(
  essays: readonly EssaySummary[],
  terms: ReadonlySet<string>,
): ReadonlyMap<string, readonly Segment[]> {
  const [snippets, setSnippets] = useState<ReadonlyMap<string, readonly Segment[]>>(
    () => new Map(),
  );
  const scrolled = useSyncExternalStore(
    subscribeScrolled,
    () => hasScrolled,
    () => false,
  );
  const wanted = scrolled ? essays : essays.slice(0, FIRST_SCREEN);
  const slugs = wanted.map((e) => e.slug).join(' ');
  const words = [...terms].join(' ');
  useEffect(() => {
    if (!slugs || !words) return;
    let live = true;
    const items = wanted.map((e) => ({
      key: e.slug as string,
      url: new URL(dataUrl(e.bodyPath), location.href).href,
    }));
    const pause = setTimeout(() => {
      void snippetsFor(items, words.split(' ')).then((answer) => {
        // Not urgent: rendering twenty excerpts must not hold up the next keystroke.
        if (live) startTransition(() => setSnippets(answer));
      });
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(pause);
    };
    // `slugs` and `words` name exactly the essays and words asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slugs, words]);
  return snippets;
}

/** Whether the page has been scrolled since it loaded (then every result's excerpt is wanted). */
let hasScrolled = false;
function subscribeScrolled(changed: () => void): () => void {
  if (hasScrolled) return () => {};
  const onScroll = () => {
    hasScrolled = true;
    window.removeEventListener('scroll', onScroll);
    changed();
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  return () => window.removeEventListener('scroll', onScroll);
}
