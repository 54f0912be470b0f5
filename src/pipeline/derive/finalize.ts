import type { EssaySlug } from '../../domain/essay.ts';
import { isEssaySlug } from '../../domain/slugs.ts';
import type { EssayRecord, FinalEssay } from './records.ts';
import { error, type Problem } from '../problems.ts';

/** Stage 4: checks across files, unique slugs, and the archive's one order. */

/** Newest first by (possibly inferred) date, then by order number, then thread id. */
export function compareNewestFirst(
  a: Pick<EssayRecord, 'date' | 'order' | 'threadId'>,
  b: Pick<EssayRecord, 'date' | 'order' | 'threadId'>,
): number {
  if (a.date.iso !== b.date.iso) return a.date.iso < b.date.iso ? 1 : -1;
  if (a.order !== b.order) return b.order - a.order;
  return a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0;
}

/** Order number, then thread id, then file: fields written in the files, nothing inferred. */
export function compareSlugPriority(
  a: Pick<EssayRecord, 'order' | 'threadId' | 'file'>,
  b: Pick<EssayRecord, 'order' | 'threadId' | 'file'>,
): number {
  if (a.order !== b.order) return a.order - b.order;
  if (a.threadId !== b.threadId) return a.threadId < b.threadId ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function threadNumber(threadId: string): string {
  const digits = /(\d+)$/.exec(threadId);
  return digits ? digits[1]! : threadId.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

export function finalizeEssays(records: readonly EssayRecord[]): {
  essays: FinalEssay[];
  problems: Problem[];
} {
  const problems: Problem[] = [];

  const byThread = new Map<string, EssayRecord[]>();
  for (const r of records) byThread.set(r.threadId, [...(byThread.get(r.threadId) ?? []), r]);
  for (const [id, group] of byThread) {
    if (group.length < 2) continue;
    for (const r of group) {
      const others = group
        .filter((o) => o !== r)
        .map((o) => o.file)
        .join(', ');
      problems.push(
        error(r.file, `thread_id "${id}" is also used by ${others}; each essay needs its own`),
      );
    }
  }

  // Who keeps the plain slug is decided by what the files say, never by an inferred year: a
  // yearless date's year depends on the build day, and a URL must not move with it. The
  // lowest order number (the archive's own sequence) wins, then thread id, then file name, so
  // adding a newer essay never changes the URL of an older one. docs/decisions/0004.
  const oldestFirst = [...records].sort(compareSlugPriority);
  const taken = new Map<string, EssayRecord>();
  const slugged: FinalEssay[] = [];
  for (const r of oldestFirst) {
    let slug = r.baseSlug || `essay-${threadNumber(r.threadId)}`;
    if (taken.has(slug)) slug = `${slug}-${threadNumber(r.threadId)}`;
    const holder = taken.get(slug);
    if (holder || !isEssaySlug(slug)) {
      problems.push(
        error(
          r.file,
          holder
            ? `its URL "${slug}" is already used by ${holder.file}; change one title`
            : `cannot make a URL from "${slug}"`,
        ),
      );
      continue;
    }
    taken.set(slug, r);
    slugged.push({ ...r, slug: slug as EssaySlug });
  }
  return { essays: slugged.sort(compareNewestFirst), problems };
}
