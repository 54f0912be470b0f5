import { useEffect, useState } from 'react';
import { search, SupersededError, type SearchAnswer } from '../search/client';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; previous: SearchAnswer | null }
  | { status: 'done'; answer: SearchAnswer }
  | { status: 'error'; message: string };

/** Results for `q` from the search worker; keeps showing the previous answer while typing. */
export function useSearch(q: string, limit = 200): SearchState {
  const [state, setState] = useState<SearchState>(
    q.trim() === '' ? { status: 'idle' } : { status: 'loading', previous: null },
  );
  const [forQuery, setForQuery] = useState(q);
  if (forQuery !== q) {
    setForQuery(q);
    setState((s) =>
      q.trim() === ''
        ? { status: 'idle' }
        : {
            status: 'loading',
            previous: s.status === 'done' ? s.answer : s.status === 'loading' ? s.previous : null,
          },
    );
  }
  useEffect(() => {
    if (q.trim() === '') return;
    let live = true;
    search(q, limit).then(
      (answer) => live && setState({ status: 'done', answer }),
      (e: unknown) => {
        if (live && !(e instanceof SupersededError))
          setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [q, limit]);
  return state;
}
