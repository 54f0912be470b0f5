import { useEffect, useState } from 'react';
import { holdSaving } from '../offline/status';
import { search, SupersededError, type SearchAnswer } from '../search/client';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; previous: SearchAnswer | null }
  | { status: 'done'; answer: SearchAnswer }
  | { status: 'error'; message: string };

type Stored = { key: string; answer: SearchAnswer } | { key: string; error: string };

/**
 * Results for `q` from the search worker, among the essays `within` (doc numbers) when
 * given. `withinKey` names that set (the filters in the URL) so an effect need not compare
 * arrays. Every stored answer remembers the query and filters it was for, and the state is
 * derived from that: an answer for another query (one that lands while the next is being
 * typed) can only ever show as "previous results, still loading", never as final.
 */
export function useSearch(
  q: string,
  within: readonly number[] | null,
  withinKey: string,
  limit = 200,
): SearchState {
  const [stored, setStored] = useState<Stored | null>(null);
  const key = `${withinKey}\n${q}`;
  useEffect(() => {
    if (q.trim() === '') return;
    // The archive may still be saving in the background: let typing have the cores.
    holdSaving();
    let live = true;
    search(q, limit, within).then(
      (answer) => live && setStored({ key, answer }),
      (e: unknown) => {
        if (live && !(e instanceof SupersededError))
          setStored({ key, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
    // `within` changes exactly when `key` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, limit]);

  if (q.trim() === '') return { status: 'idle' };
  if (stored?.key === key)
    return 'answer' in stored
      ? { status: 'done', answer: stored.answer }
      : { status: 'error', message: stored.error };
  return { status: 'loading', previous: stored && 'answer' in stored ? stored.answer : null };
}
