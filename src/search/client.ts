import { searchPath } from 'virtual:essay-data';
import { dataUrl } from '../paths';
import type { SearchResult } from './engine';
import type { FromWorker, SnippetItem, ToWorker } from './protocol';
import type { Segment } from '../domain/snippet';

/**
 * The page's side of search. The worker (and the index download) start on first use, not on
 * page load. Answers to outdated queries are dropped: only the latest typed query resolves.
 * Each answer is recorded as a `search-query` user-timing measure (worker compute time).
 */

export interface SearchAnswer {
  result: SearchResult;
  /** The build hash of the search index, to check against the essay index. */
  build: string;
}

let worker: Worker | null = null;
let ready: Promise<string> | null = null;
let nextId = 0;
const waiting = new Map<
  number,
  { resolve: (a: SearchAnswer) => void; reject: (e: Error) => void }
>();
let build = '';
const snippetWaiting = new Map<number, (snippets: ReadonlyMap<string, Segment[]>) => void>();

function start(): Promise<string> {
  if (ready) return ready;
  ready = new Promise<string>((resolve, reject) => {
    worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'search',
    });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'ready') {
        build = m.build;
        performance.measure?.('search-index-load', {
          start: performance.now() - m.loadMs,
          duration: m.loadMs,
        });
        resolve(m.build);
      } else if (m.type === 'result') {
        performance.measure?.('search-query', { start: performance.now() - m.ms, duration: m.ms });
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        w?.resolve({ result: m.result, build });
      } else if (m.type === 'snippets') {
        const w = snippetWaiting.get(m.id);
        snippetWaiting.delete(m.id);
        w?.(new Map(Object.entries(m.snippets)));
      } else {
        const error = new Error(m.message);
        reject(error);
        for (const w of waiting.values()) w.reject(error);
        waiting.clear();
        for (const w of snippetWaiting.values()) w(new Map());
        snippetWaiting.clear();
        ready = null; // allow a retry on the next query
        worker?.terminate();
        worker = null;
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker?.onmessage?.(
        new MessageEvent('message', {
          data: { type: 'error', message: 'The search worker failed to start.' },
        }),
      );
    };
    worker.postMessage({
      type: 'init',
      url: new URL(dataUrl(searchPath), location.href).href,
      base: new URL(dataUrl(''), location.href).href,
    } satisfies ToWorker);
  });
  return ready;
}

/** Starts loading the index without searching (e.g. when the search box gets focus). */
export function warmUpSearch(): void {
  void start().catch(() => {});
}

/** `within`: doc numbers (indexes into the essay index) to search among; null for all. */
export function search(
  q: string,
  limit = 50,
  within: readonly number[] | null = null,
): Promise<SearchAnswer> {
  const id = ++nextId;
  // Older queries still waiting will never be shown: settle them now as superseded.
  for (const [oldId, w] of waiting) {
    if (oldId < id) {
      w.reject(SUPERSEDED);
      waiting.delete(oldId);
    }
  }
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    start().then(
      () =>
        worker!.postMessage({
          type: 'query',
          id,
          q,
          limit,
          within: within ? [...within] : null,
        } satisfies ToWorker),
      (e: unknown) => {
        waiting.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Snippets around the matched `terms` in each item's body, cut by the worker. Items whose
 * body cannot be loaded are missing from the answer; the page shows their description.
 */
export function snippetsFor(
  items: SnippetItem[],
  terms: readonly string[],
): Promise<ReadonlyMap<string, Segment[]>> {
  const id = ++nextId;
  return new Promise((resolve) => {
    snippetWaiting.set(id, resolve);
    start().then(
      () =>
        worker!.postMessage({ type: 'snippets', id, items, terms: [...terms] } satisfies ToWorker),
      () => {
        snippetWaiting.delete(id);
        resolve(new Map());
      },
    );
  });
}

export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer query');
    this.name = 'SupersededError';
  }
}

/** One instance for every superseded query: a keystroke need not capture a stack trace. */
const SUPERSEDED = new SupersededError();
