import type { SearchResult } from './engine';

/** Messages between the page and the search worker. */
export type ToWorker =
  { type: 'init'; url: string } | { type: 'query'; id: number; q: string; limit: number };

export type FromWorker =
  | { type: 'ready'; build: string; loadMs: number }
  | { type: 'result'; id: number; result: SearchResult; ms: number }
  | { type: 'error'; message: string };
