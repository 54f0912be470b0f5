import { startTransition, useEffect, useState } from 'react';
import { dataUrl } from '../paths';
import type { EssaySummary } from '../domain/essay';
import { snippetsFor } from '../search/client';
import type { Segment } from '../domain/snippet';

/**
 * Snippets of the shown results' bodies around the matched words, cut in the search worker
 * (which fetches the bodies; the service worker caches them, so this works offline too).
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
  const slugs = essays.map((e) => e.slug).join(' ');
  const words = [...terms].join(' ');
  useEffect(() => {
    if (!slugs || !words) return;
    let live = true;
    const items = essays.map((e) => ({
      key: e.slug as string,
      url: new URL(dataUrl(e.bodyPath), location.href).href,
    }));
    void snippetsFor(items, words.split(' ')).then((answer) => {
      // Not urgent: rendering twenty excerpts must not hold up the next keystroke.
      if (live) startTransition(() => setSnippets(answer));
    });
    return () => {
      live = false;
    };
    // `slugs` and `words` name exactly the essays and words asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slugs, words]);
  return snippets;
}
