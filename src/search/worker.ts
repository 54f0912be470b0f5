/// <reference lib="webworker" />
import type { SearchIndex } from '../domain/searchIndex';
import { createEngine, type Engine } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The search worker: loads the prebuilt index once, then answers queries. Keeping this off
 * the main thread means typing never waits for a search.
 */
declare const self: DedicatedWorkerGlobalScope;

let engine: Engine | null = null;
let pending: Extract<ToWorker, { type: 'query' }> | null = null;

const post = (message: FromWorker) => self.postMessage(message);

function answer(query: Extract<ToWorker, { type: 'query' }>) {
  const t0 = performance.now();
  const result = engine!.search(query.q, query.limit);
  post({ type: 'result', id: query.id, result, ms: performance.now() - t0 });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      const t0 = performance.now();
      const response = await fetch(message.url);
      if (!response.ok) throw new Error(`the search index answered ${response.status}`);
      const index = (await response.json()) as SearchIndex;
      engine = createEngine(index);
      post({ type: 'ready', build: index.build, loadMs: performance.now() - t0 });
      if (pending) answer(pending);
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  } else if (message.type === 'query') {
    // Only the newest query matters: one typed while loading replaces the one before.
    if (engine) answer(message);
    else pending = message;
  }
};
