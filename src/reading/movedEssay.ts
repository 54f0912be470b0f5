import { slugOfThread } from '../data/essays';
import type { EssaySlug } from '../domain/essay';
import { paths } from '../paths';
import { threadKeptAt } from './annotations';

/**
 * Where an essay has moved, for an address the reader kept a highlight or note at: a retitle
 * changes the slug, not the thread id, so the highlight still finds its essay. Null when the
 * reader kept nothing there, or the essay is gone. Its own chunk: the not-found page loads it.
 */
export async function movedEssayPath(slug: string): Promise<string | null> {
  const threadId = await threadKeptAt(slug);
  if (threadId === null) return null;
  const now = await slugOfThread(threadId);
  return now !== null && now !== slug ? paths.essay.build(now as EssaySlug) : null;
}
