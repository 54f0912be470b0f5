import { allowedEdits } from './editDistance';
import { createExpander, type Expansion } from './expand';
import { parseQuery, type ParsedQuery, type QueryToken } from './query';
import { Scorer, type Hit } from './rank';
import type { IndexSource } from './shardStore';

/**
 * The query engine: pure, no DOM, runs in a worker or in Node. Each typed word is expanded
 * into real words of the archive (expand.ts); essays are scored over those words' postings
 * (rank.ts). The index arrives in shards (docs/decisions/0011): `prepare` loads what a query
 * needs before `search` runs.
 */

export type { Expansion } from './expand';
export type { Hit } from './rank';

export interface SearchResult {
  query: ParsedQuery;
  hits: Hit[];
  /** Essays matching at least one word, within `within` when given (before the limit). */
  total: number;
  /** Essays matching at least one word in the whole archive, ignoring `within`. */
  totalInArchive: number;
  /** Per query word, the archive words it matched: what to highlight. */
  expansions: Expansion[][];
  /** For a search with no results, the closest real words, or null. */
  didYouMean: string | null;
}

export interface Engine {
  /**
   * `within`: the essays (doc numbers) a search is narrowed to, e.g. one tag's. Applied
   * before the best `limit` are cut, so a narrowed search finds matches that rank low in the
   * whole archive, and counts them right.
   */
  search(raw: string, limit?: number, within?: ArrayLike<number> | null): SearchResult;
  expand(token: QueryToken): Expansion[];
  /** Loads the shards query `raw` needs; `search` may run once it resolves. */
  prepare(raw: string): Promise<void>;
  readonly docCount: number;
}

export interface ShardLoader {
  loadWords(words: readonly string[]): Promise<void>;
  loadTails(tails: readonly string[]): Promise<void>;
  loadPostings(numbers: readonly number[]): Promise<void>;
}

export function createEngine(source: IndexSource & ShardLoader): Engine {
  const expander = createExpander(source);
  const scorer = new Scorer(source.docCount, (n) => source.postings(n));

  function search(raw: string, limit = 50, within: ArrayLike<number> | null = null): SearchResult {
    const query = parseQuery(raw);
    const expansions = query.tokens.map(expander.expand);
    const ranking = scorer.rank(query, expansions, limit, within);
    return {
      query,
      ...ranking,
      expansions,
      didYouMean: ranking.totalInArchive === 0 ? suggest(query) : null,
    };
  }

  /** The closest real word for each typed word that has none, looser than search itself. */
  function suggest(query: ParsedQuery): string | null {
    let changed = false;
    const words = query.tokens.map((t) => {
      if (t.text.length < 3) return t.text;
      const closest = expander.closest(t.text, Math.min(3, allowedEdits(t.text.length) + 1));
      if (closest) changed = true;
      return closest ?? t.text;
    });
    return changed ? words.join(' ') : null;
  }

  async function prepare(raw: string): Promise<void> {
    const { tokens } = parseQuery(raw);
    await source.loadWords(tokens.map((t) => t.text));
    // A typo in the first letter is looked for among other first letters' words.
    const needs = tokens.flatMap((t) => expander.firstLetterNeeds(t) ?? []);
    if (needs.length > 0)
      await Promise.all([
        source.loadTails(needs.flatMap((n) => n.tails)),
        source.loadWords(needs.flatMap((n) => n.words)),
      ]);
    await source.loadPostings(tokens.flatMap((t) => expander.expand(t).map((e) => e.n)));
  }

  return { search, expand: expander.expand, prepare, docCount: source.docCount };
}
