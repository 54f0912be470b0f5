import { useEffect, useState } from 'react';
import type { EssayBody, EssaySummary } from '../domain/essay';
import { plainText } from '../domain/text';

/**
 * Plain text of the given essays' bodies, fetched on demand for search snippets. Bodies are
 * content-hashed files the service worker caches, so this works offline too.
 */
const cache = new Map<string, string>();
const inflight = new Map<string, Promise<void>>();

export function useBodyTexts(
  essays: readonly EssaySummary[],
  load: (e: EssaySummary) => Promise<EssayBody>,
): ReadonlyMap<string, string> {
  const [, setVersion] = useState(0);
  const missing = essays.filter((e) => !cache.has(e.slug));
  const key = missing.map((e) => e.slug).join(' ');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const wanted = essays.filter((e) => !cache.has(e.slug));
    const jobs = wanted.map((e) => {
      let job = inflight.get(e.slug);
      if (!job) {
        job = load(e)
          .then((body) => void cache.set(e.slug, plainText(body.markdown)))
          .catch(() => undefined)
          .finally(() => inflight.delete(e.slug));
        inflight.set(e.slug, job);
      }
      return job;
    });
    void Promise.all(jobs).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
    // `key` names exactly the essays to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return cache;
}
