import type { SearchResult } from './engine';
import type { Segment } from '../domain/snippet';

/** One result's body, named by the page: `key` comes back with its snippet. */
export interface SnippetItem {
  key: string;
  /** Absolute URL of the essay's body JSON. */
  url: string;
}

/** Messages between the page and the search worker. */
export type ToWorker =
  /** `url`: the search manifest; `base`: the site's base URL, which shard names are under. */
  | { type: 'init'; url: string; base: string }
  /** `within`: doc numbers to search among (a tag's, a theme's), or null for all. */
  | { type: 'query'; id: number; q: string; limit: number; within: number[] | null }
  | { type: 'snippets'; id: number; items: SnippetItem[]; terms: string[] };

export type FromWorker =
  | { type: 'ready'; build: string; loadMs: number }
  | { type: 'result'; id: number; result: SearchResult; ms: number }
  /** Keys whose body could not be loaded (offline, not saved yet) are left out. */
  | { type: 'snippets'; id: number; snippets: Record<string, Segment[]> }
  | { type: 'error'; message: string };
