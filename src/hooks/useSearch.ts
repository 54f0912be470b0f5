import { useEffect, useState } from 'react';
import { holdSaving } from '../offline/status';
import { search, SupersededError, type SearchAnswer } from '../search/client';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; previous: SearchAnswer | null }
  | { status: 'done'; answer: SearchAnswer }
  | { status: 'error'; message: string };

type Stored = { q: string; answer: SearchAnswer } | { q: string; error: string };

/**
 * Results for `q` from the search worker. Every stored answer remembers its query, and the
 * state is derived from that: an answer for another query (one that lands while the next is
 * being typed) can only ever show as "previous results, still loading", never as final.
 */
export function useSearch(q: string, limit = 200): SearchState {
  const [stored, setStored] = useState<Stored | null>(null);
  useEffect(() => {
    if (q.trim() === '') return;
    // The archive may still be saving in the background: let typing have the cores.
    holdSaving();
    let live = true;
    search(q, limit).then(
      (answer) => live && setStored({ q, answer }),
      (e: unknown) => {
        if (live && !(e instanceof SupersededError))
          setStored({ q, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [q, limit]);

  if (q.trim() === '') return { status: 'idle' };
  if (stored?.q === q)
    return 'answer' in stored
      ? { status: 'done', answer: stored.answer }
      : { status: 'error', message: stored.error };
  return { status: 'loading', previous: stored && 'answer' in stored ? stored.answer : null };
}
