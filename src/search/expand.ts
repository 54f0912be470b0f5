import Fuse from 'fuse.js';
import { FIRST_LETTER_MIN, firstChar, tailOf } from '../domain/searchShards';
import { allowedEdits, editDistance } from './editDistance';
import { signatureCandidates } from './letterSignature';
import type { QueryToken } from './query';
import type { IndexSource, WordShard } from './shardStore';

/**
 * A typed word's expansions into real words of the archive (docs/decisions/0006, 0018):
 * itself; the commonest words it begins, while it is being typed; and the words it may be a
 * misspelling of, the way people misspell: a letter wrong, dropped or added, two letters
 * swapped (one edit each, Damerau), and from five letters a wrong, missing or extra first
 * letter. The word shards are cut by first letter, so a typo there is looked for in other
 * shards: the first two letters swapped in the shard of the second, the others through the
 * tail shards (the words filed by all but their first letter).
 */

export interface Expansion {
  term: string;
  /** The word's number in the whole vocabulary (which postings shard holds it). */
  n: number;
  /** 1 for the word itself; less for completions and typos. */
  factor: number;
}

const PREFIX_FACTOR = 0.85;
/** By edit distance: a word one typo away counts less than the word itself. */
export const TYPO_FACTOR = [1, 0.6, 0.4];
/**
 * A typo in the first letter is rarer than one after it (about one in ten in studies of
 * spelling errors): "volumn" means "volume" more often than "column".
 */
const FIRST_LETTER_FACTOR = 0.75;
const MAX_PREFIX_EXPANSIONS = 16;
/**
 * Fewer completions for a word just begun: two letters begin the commonest words, whose
 * postings cover most of a large archive (the slowest keystrokes at 100,000 essays), and
 * they say little about which essay is meant (they do not count as a matched word).
 */
const prefixExpansions = (length: number) =>
  length <= 2 ? 4 : length === 3 ? 8 : MAX_PREFIX_EXPANSIONS;
const MAX_FUZZY_EXPANSIONS = 8;
/** Completions of the likeliest word meant, for a word typed with a typo and not finished. */
const TYPO_COMPLETIONS = 4;
/** Three-letter words forgive a swap of two letters ("ubs"), nothing else: too many neighbours. */
const SWAP_ONLY_LENGTH = 3;

/** First index in the sorted words whose word is >= `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The shard's indexes of the most common words beginning with `prefix`, kept as a small
 * sorted list while scanning: a two-letter prefix can begin thousands of words, and
 * sorting them all cost more than the search.
 */
function commonestCompletions(shard: WordShard, prefix: string): number[] {
  const top: number[] = [];
  const limit = prefixExpansions(prefix.length);
  const { terms } = shard;
  const size = (i: number) => shard.docs[i]!;
  for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) {
    if (top.length === limit && size(i) <= size(top[top.length - 1]!)) continue;
    let at = top.length;
    while (at > 0 && size(top[at - 1]!) < size(i)) at--;
    top.splice(at, 0, i);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** A word that may be meant, with how far it is from what was typed and how common it is. */
interface Candidate {
  term: string;
  n: number;
  distance: number;
  docs: number;
}

/**
 * Words of the shard within `maxEdits` of `word`. Letter signatures rule out almost every
 * word that cannot be that close (letterSignature.ts); each one left is confirmed by
 * optimal-string-alignment distance, which counts a swap as one edit. fuse.js's Bitap
 * counts a swap as two errors and missed "ctiy" for "city", so it no longer decides what
 * is close; its score orders words equally far and equally common.
 */
function closeWords(shard: WordShard, word: string, maxEdits: number, swapsOnly: boolean) {
  const pool = signatureCandidates(
    shard.signatures,
    word,
    swapsOnly ? 0 : maxEdits,
    swapsOnly ? 0 : maxEdits,
  );
  const close: Candidate[] = [];
  for (const i of pool) {
    const term = shard.terms[i]!;
    if (term === word) continue;
    const distance = editDistance(word, term, maxEdits);
    if (distance <= maxEdits)
      close.push({ term, n: shard.start + i, distance, docs: shard.docs[i]! });
  }
  if (close.length < 2) return close;
  const fuse = new Fuse(
    close.map((c) => c.term),
    { includeScore: true, threshold: 1, ignoreLocation: true, isCaseSensitive: true },
  );
  const bitap = new Map(fuse.search(word.slice(0, 32)).map((r) => [r.item, r.score ?? 1]));
  return close.sort(
    (a, b) =>
      a.distance - b.distance ||
      b.docs - a.docs ||
      (bitap.get(a.term) ?? 1) - (bitap.get(b.term) ?? 1),
  );
}

/** Words whose beginning is one edit from a word typed this long or longer. */
const FUZZY_PREFIX_MIN = 5;
const MAX_BEGINNINGS = 4;

/**
 * The commonest words of the shard that begin with something one edit from `word` (a
 * beginning one letter shorter, as long, or one longer). A scan of the whole shard (a few
 * milliseconds at 10,000 essays), so only for a finished word the archive does not have.
 */
function misspeltBeginnings(shard: WordShard, word: string): Candidate[] {
  const found: Candidate[] = [];
  const n = word.length;
  shard.terms.forEach((term, i) => {
    if (term.length <= n) return; // as long or shorter: closeWords's work
    for (let length = n - 1; length <= n + 1; length++) {
      if (editDistance(word, term.slice(0, length), 1) <= 1) {
        found.push({ term, n: shard.start + i, distance: 1, docs: shard.docs[i]! });
        return;
      }
    }
  });
  return found.sort((a, b) => b.docs - a.docs).slice(0, MAX_BEGINNINGS);
}

/** What a typo in the first letters needs loaded: tail shards and other word shards. */
export interface FirstLetterNeeds {
  tails: string[];
  words: string[];
}

export interface Expander {
  /** The token's expansions, best first; complete once `needs` of it are loaded. */
  expand(token: QueryToken): Expansion[];
  /** The shards a first-letter typo of `token` needs, or null when it is not looked for. */
  firstLetterNeeds(token: QueryToken): FirstLetterNeeds | null;
  /** The closest real word to `word` within `maxEdits`, looser than search: "did you mean". */
  closest(word: string, maxEdits: number): string | null;
}

export function createExpander(source: IndexSource): Expander {
  /** Whether the typed word is not a word of the archive, nor the start of one when typed. */
  function unknown(shard: WordShard, token: QueryToken): boolean {
    if (shard.local.has(token.text)) return false;
    if (!token.prefix) return true;
    const next = shard.terms[lowerBound(shard.terms, token.text)];
    return !next?.startsWith(token.text);
  }

  /** The typed word with its first two characters swapped ("ubs" → "bus"), or null. */
  const headSwapped = (word: string) => {
    const [a, b, ...rest] = [...word];
    return b === undefined || a === b ? null : [b, a!, ...rest].join('');
  };

  function firstLetterNeeds(token: QueryToken): FirstLetterNeeds | null {
    const length = [...token.text].length;
    if (token.exact || length < SWAP_ONLY_LENGTH) return null;
    const shard = source.wordShard(token.text);
    if (!shard || !unknown(shard, token)) return null;
    const swapped = headSwapped(token.text);
    const words = swapped ? [swapped] : [];
    if (length < FIRST_LETTER_MIN) return words.length > 0 ? { tails: [], words } : null;
    const tail = tailOf(token.text);
    // Wrong first letter: same tail. Missing: the typed word is a tail. Extra: the tail is a word.
    return { tails: [tail, token.text], words: [...words, tail] };
  }

  /**
   * Words meant by a word typed with its first two letters swapped, or from five letters
   * with its first letter wrong, missing or extra; null while their shards are not loaded.
   */
  function firstLetterTypos(word: string): Candidate[] | null {
    const found: Candidate[] = [];
    const inWords = (term: string) => {
      const shard = source.wordShard(term);
      const i = shard?.local.get(term);
      if (shard && i !== undefined)
        found.push({ term, n: shard.start + i, distance: 1, docs: shard.docs[i]! });
      return shard !== null;
    };
    const swapped = headSwapped(word);
    if (swapped && !inWords(swapped)) return null;
    if ([...word].length < FIRST_LETTER_MIN) return found;
    const tail = tailOf(word);
    const sameTail = source.tailShard(tail);
    const asTail = source.tailShard(word);
    if (!sameTail || !asTail || !inWords(tail)) return null;
    const head = firstChar(word);
    for (const w of sameTail.get(tail) ?? [])
      if (!w.term.startsWith(head)) found.push({ ...w, distance: 1 });
    for (const w of asTail.get(word) ?? []) found.push({ ...w, distance: 1 });
    return found.sort((a, b) => b.docs - a.docs);
  }

  const cache = new Map<string, Expansion[]>();

  function expand(token: QueryToken): Expansion[] {
    const key = `${token.exact ? 'e' : token.prefix ? 'p' : 'w'}:${token.text}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const shard = source.wordShard(token.text);
    if (!shard) return []; // not loaded (offline and not saved): nothing, and not remembered
    const { terms } = shard;
    const out = new Map<string, Expansion>();
    const add = (term: string, n: number, factor: number) => {
      if ((out.get(term)?.factor ?? 0) < factor) out.set(term, { term, n, factor });
    };
    const own = shard.local.get(token.text);
    if (own !== undefined) add(token.text, shard.start + own, 1);
    let complete = true;
    if (!token.exact) {
      if (token.prefix && token.text.length >= 2) {
        for (const i of commonestCompletions(shard, token.text))
          add(terms[i]!, shard.start + i, PREFIX_FACTOR);
      }
      // A word still being typed is usually a correct beginning; it may also be a finished
      // word with a typo, so from five letters one typo is looked for as well.
      const swapsOnly = token.text.length === SWAP_ONLY_LENGTH && !(token.prefix && out.size > 0);
      const edits = swapsOnly
        ? 1
        : token.prefix && out.size > 0
          ? token.text.length >= 5
            ? 1
            : 0
          : // A word of the archive may still be a typo of another, but only a close one.
            Math.min(own === undefined ? 2 : 1, allowedEdits(token.text.length));
      const typos: Candidate[] = edits > 0 ? closeWords(shard, token.text, edits, swapsOnly) : [];
      if (firstLetterNeeds(token)) {
        const more = firstLetterTypos(token.text);
        if (more) typos.push(...more);
        else complete = false; // its shards are still loading: do not remember this
      }
      // An unknown word may be the start of a longer one, misspelt ("suces" for "success"),
      // as MiniSearch's fuzzy prefixes find; weighed below any closer typo.
      // (A finished word only: its expansions are remembered, so the scan runs once, not on
      // each key while it is typed.)
      const beginnings =
        !token.prefix && out.size === 0 && token.text.length >= FUZZY_PREFIX_MIN
          ? misspeltBeginnings(shard, token.text)
          : [];
      // Only the closest: "profling" means "profiling", not "rolling" two edits away, whose
      // title match would outweigh it (a spell checker's choice too).
      const nearest = Math.min(...typos.map((c) => c.distance));
      const head = firstChar(token.text);
      const meant = typos.filter((t) => t.distance === nearest).slice(0, MAX_FUZZY_EXPANSIONS);
      const typedNothing = out.size === 0;
      const factorOf = (c: Candidate) =>
        TYPO_FACTOR[c.distance]! * (c.term.startsWith(head) ? 1 : FIRST_LETTER_FACTOR);
      for (const c of meant) add(c.term, c.n, factorOf(c));
      // A word still being typed with a typo in it may go on: "ctiy" finds "city's" too.
      // (Only in a shard already here: the typed word's, or the one a first letter led to.)
      const likeliest = meant[0];
      const its = likeliest && source.wordShard(likeliest.term);
      if (token.prefix && typedNothing && its)
        for (const i of commonestCompletions(its, likeliest.term).slice(0, TYPO_COMPLETIONS))
          add(its.terms[i]!, its.start + i, factorOf(likeliest) * PREFIX_FACTOR);
      for (const c of beginnings) add(c.term, c.n, TYPO_FACTOR[2]! * PREFIX_FACTOR);
    }
    const list = [...out.values()].sort((a, b) => b.factor - a.factor);
    if (!complete) return list;
    if (cache.size > 500) cache.clear();
    cache.set(key, list);
    return list;
  }

  function closest(word: string, maxEdits: number): string | null {
    const shard = source.wordShard(word);
    if (!shard || shard.local.has(word)) return null;
    let best: string | null = null;
    let bestDistance = maxEdits + 1;
    // Every word that could be close, checked by edit distance (lengths up to 2 apart).
    for (const i of signatureCandidates(shard.signatures, word, maxEdits, 2)) {
      const d = editDistance(word, shard.terms[i]!, maxEdits);
      if (d < bestDistance) [best, bestDistance] = [shard.terms[i]!, d];
    }
    return best ?? firstLetterTypos(word)?.[0]?.term ?? null;
  }

  return { expand, firstLetterNeeds, closest };
}
