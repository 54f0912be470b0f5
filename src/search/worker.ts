/// <reference lib="webworker" />
import type { EssayBody } from '../domain/essay';
import type { SearchManifest } from '../domain/searchShards';
import { plainText } from '../domain/text';
import { createEngine, type Engine } from './engine';
import type { FromWorker, SnippetItem, ToWorker } from './protocol';
import { ShardStore } from './shardStore';
import { snippet, type Segment } from '../domain/snippet';

/**
 * The search worker: loads the index's small manifest, then for each query the shards it
 * needs (docs/decisions/0011-archive-at-scale.md), and answers. Keeping this off the main
 * thread means typing never waits for a search.
 */
declare const self: DedicatedWorkerGlobalScope;

let engine: Engine | null = null;
let pending: Extract<ToWorker, { type: 'query' }> | null = null;
let latest = 0;

const post = (message: FromWorker) => self.postMessage(message);

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

async function answer(query: Extract<ToWorker, { type: 'query' }>) {
  latest = query.id;
  // A shard that cannot load (offline, not saved) leaves its words out of this answer.
  await engine!.prepare(query.q).catch(() => {});
  if (query.id !== latest) return; // a newer query arrived while shards loaded
  const t0 = performance.now();
  const result = engine!.search(query.q, query.limit, query.within);
  post({ type: 'result', id: query.id, result, ms: performance.now() - t0 });
}

/**
 * Plain text of the bodies shown in results, by URL (content-hashed, so never stale). Fetching,
 * parsing and cutting snippets here keeps that work off the page's main thread, where twenty
 * fetches and snippets at once made a keystroke's task run past 50 ms.
 */
const bodies = new Map<string, Promise<string | null>>();
const BODY_CACHE = 300;

function bodyText(url: string): Promise<string | null> {
  let text = bodies.get(url);
  if (!text) {
    text = fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<EssayBody>) : null))
      .then((body) => (body ? plainText(body.markdown) : null))
      .catch(() => null);
    text.then((t) => t === null && bodies.delete(url)); // retry later, e.g. back online
    if (bodies.size >= BODY_CACHE) bodies.delete(bodies.keys().next().value!);
    bodies.set(url, text);
  }
  return text;
}

async function snippets(id: number, items: SnippetItem[], terms: string[]) {
  const wanted = new Set(terms);
  const texts = await Promise.all(items.map((item) => bodyText(item.url)));
  const out: Record<string, Segment[]> = {};
  items.forEach((item, i) => {
    const text = texts[i];
    if (text) out[item.key] = snippet(text, wanted);
  });
  post({ type: 'snippets', id, snippets: out });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      const t0 = performance.now();
      const response = await fetch(message.url);
      if (!response.ok) throw new Error(`the search index answered ${response.status}`);
      const manifest = (await response.json()) as SearchManifest;
      // Shard file names are relative to the site's base, as the manifest's own is.
      const base = new URL(message.base, self.location.href);
      const store = new ShardStore(manifest, (file) => fetchJson(new URL(file, base).href));
      engine = createEngine(store);
      post({ type: 'ready', build: manifest.build, loadMs: performance.now() - t0 });
      if (pending) void answer(pending);
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  } else if (message.type === 'query') {
    // Only the newest query matters: one typed while loading replaces the one before.
    if (engine) void answer(message);
    else pending = message;
  } else if (message.type === 'snippets') {
    void snippets(message.id, message.items, message.terms);
  }
};
