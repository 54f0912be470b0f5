import { rng } from '../../scripts/corpusLib';
import type { EssaySummary } from '../../src/domain/essay';
import { bodyText } from '../../src/pipeline/derive/bodyText';
import { indexTerms, STOP_WORDS, words } from '../../src/domain/tokens';
import type { FinalEssay } from '../../src/pipeline/derive/records';

/**
 * Queries with one known target essay each, generated from the corpus the way readers half
 * remember things: the title, a title with a typo, the start of a title, a tag with a title
 * word, a rare body word (exact, misspelled, half typed), two body words, description words.
 */

export const KINDS = [
  'title',
  'title typo',
  'title prefix',
  'tag',
  'body word',
  'body typo',
  'body prefix',
  'two body words',
  'description',
] as const;
export type Kind = (typeof KINDS)[number];
export interface TargetQuery {
  kind: Kind;
  query: string;
  target: number;
  /**
   * Other essays carrying every word the reader meant (before typos and cut-offs): at ten or
   * more, even a perfect ranker cannot be sure to show the target in its first ten, so such
   * a query measures the archive's ambiguity, not the engine (synthetic words repeat across
   * 100,000 essays).
   */
  ties: number;
}

function typo(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5
    ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
}

export function makeQueries(
  essays: readonly (FinalEssay | EssaySummary)[],
  bodies: readonly string[],
  perKind: number,
  seed = 7,
): TargetQuery[] {
  const random = rng(seed);
  const df = new Map<string, number>();
  const bodyTerms = bodies.map((b) => [...new Set(indexTerms(bodyText(b)))]);
  for (const terms of bodyTerms) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const tagDf = new Map<string, number>();
  for (const e of essays) for (const t of e.tags) tagDf.set(t, (tagDf.get(t) ?? 0) + 1);

  // Every field's words, per essay, for counting the essays a query cannot tell apart.
  const allTerms = essays.map(
    (e, i) =>
      new Set([
        ...bodyTerms[i]!,
        ...indexTerms([e.title, e.description, e.theme, ...e.tags].join(' ')),
      ]),
  );
  const tiesOf = (meant: string, target: number) => {
    const want = [...new Set(indexTerms(meant))];
    if (want.length === 0) return 0;
    let n = 0;
    allTerms.forEach((terms, i) => {
      if (i !== target && want.every((t) => terms.has(t))) n++;
    });
    return n;
  };

  const out: TargetQuery[] = [];
  for (const kind of KINDS) {
    let made = 0;
    for (let tries = 0; made < perKind && tries < perKind * 20; tries++) {
      const target = Math.floor(random() * essays.length);
      const e = essays[target]!;
      const rare = [...bodyTerms[target]!]
        .filter((t) => t.length >= 6)
        .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
      const titleWords = words(e.title).filter((w) => w.length > 3 && !STOP_WORDS.has(w));
      let query: string | null = null;
      let meant = '';
      switch (kind) {
        case 'title':
          if (titleWords.length > 0) query = meant = e.title;
          break;
        case 'title typo': {
          const longest = [...titleWords].sort((a, b) => b.length - a.length)[0];
          if (longest && longest.length >= 5)
            query = e.title.toLowerCase().replace(longest, typo(longest, random));
          meant = e.title;
          break;
        }
        case 'title prefix':
          if (e.title.length > 12)
            query = e.title.slice(0, Math.ceil(e.title.length * 0.6)).trimEnd();
          meant = query?.replace(/\S*$/, '') ?? ''; // the last word may be cut off
          break;
        case 'tag': {
          const tag = [...e.tags].sort((a, b) => tagDf.get(a)! - tagDf.get(b)!)[0];
          if (tag && titleWords[0]) query = meant = `${tag} ${titleWords[0]}`;
          break;
        }
        case 'body word':
          if (rare[0]) query = meant = rare[0];
          break;
        case 'body typo':
          if (rare[0] && rare[0].length >= 6) query = typo(rare[0], random);
          meant = rare[0] ?? '';
          break;
        case 'body prefix':
          if (rare[0] && rare[0].length >= 7)
            query = rare[0].slice(0, Math.max(5, Math.ceil(rare[0].length * 0.7)));
          meant = rare[0] ?? '';
          break;
        case 'two body words':
          if (rare.length >= 4) query = meant = `${rare[2]} ${rare[3]}`;
          break;
        case 'description': {
          // Four consecutive words, at least two of them not stop words (what a reader recalls).
          const ws = words(e.description);
          if (ws.length >= 8) {
            const at = Math.floor(random() * (ws.length - 4));
            const window = ws.slice(at, at + 4);
            if (window.filter((w) => !STOP_WORDS.has(w)).length >= 2)
              query = meant = window.join(' ');
          }
          break;
        }
      }
      if (query) {
        out.push({ kind, query, target, ties: tiesOf(meant, target) });
        made++;
      }
    }
  }
  return out;
}
