import { decodeNumbers } from '../domain/searchIndex';
import {
  firstChar,
  postingsStartsOf,
  shardAt,
  type PostingsShardFile,
  type SearchManifest,
  type TailShardFile,
  type WordShardFile,
} from '../domain/searchShards';
import { buildSignatureTable, type SignatureTable } from './letterSignature';

/**
 * The shards of the search index a query has needed so far (src/domain/searchShards.ts),
 * loaded through `load` (a fetch in the worker, a map in tests). The engine reads them
 * synchronously; `loadWords` and `loadPostings` are awaited before it runs.
 */

export interface WordShard {
  start: number;
  terms: readonly string[];
  /** Per word: how many essays it is in. */
  docs: readonly number[];
  /** Word → its place in `terms`. */
  local: ReadonlyMap<string, number>;
  signatures: SignatureTable;
}

/** A vocabulary word found by its tail: its number, spelling and how many essays hold it. */
export interface TailWord {
  n: number;
  term: string;
  docs: number;
}

/** Tail → the words with that tail (src/domain/searchShards.ts, TailShardFile). */
export type TailShard = ReadonlyMap<string, readonly TailWord[]>;

export interface IndexSource {
  readonly docCount: number;
  /** The shard holding the words that begin as `word` does, or null until it is loaded. */
  wordShard(word: string): WordShard | null;
  /**
   * The tail shard where `tail` would be; null until it is loaded, and always for an index
   * without tail shards.
   */
  tailShard(tail: string): TailShard | null;
  /** Packed postings of word number `n`, or '' until its shard is loaded. */
  postings(n: number): string;
}

export class ShardStore implements IndexSource {
  readonly docCount: number;
  private readonly froms: string[];
  private readonly tailFroms: string[];
  private readonly starts: number[];
  private readonly words = new Map<number, Promise<WordShard>>();
  private readonly wordsLoaded = new Map<number, WordShard>();
  private readonly tails = new Map<number, Promise<TailShard>>();
  private readonly tailsLoaded = new Map<number, TailShard>();
  private readonly postingsLoaded = new Map<number, PostingsShardFile>();
  private readonly postingsPending = new Map<number, Promise<void>>();

  constructor(
    readonly manifest: SearchManifest,
    private readonly load: (file: string) => Promise<unknown>,
  ) {
    this.docCount = manifest.docCount;
    this.froms = manifest.words.map((w) => w.from);
    this.tailFroms = (manifest.tails ?? []).map((t) => t.from);
    this.starts = postingsStartsOf(manifest);
  }

  private wordShardNumber(word: string): number {
    return shardAt(this.froms, firstChar(word));
  }

  wordShard(word: string): WordShard | null {
    if (word === '' || this.froms.length === 0) return null;
    return this.wordsLoaded.get(this.wordShardNumber(word)) ?? null;
  }

  tailShard(tail: string): TailShard | null {
    if (tail === '' || this.tailFroms.length === 0) return null;
    return this.tailsLoaded.get(shardAt(this.tailFroms, tail)) ?? null;
  }

  postings(n: number): string {
    const k = shardAt(this.starts, n);
    const shard = this.postingsLoaded.get(k);
    return shard?.postings[n - shard.start] ?? '';
  }

  /** Loads the word shards the typed words need. */
  async loadWords(words: readonly string[]): Promise<void> {
    if (this.froms.length === 0) return;
    const wanted = new Set(words.filter((w) => w !== '').map((w) => this.wordShardNumber(w)));
    await Promise.all(
      [...wanted].map((k) =>
        this.loadOnce(this.words, this.wordsLoaded, k, this.manifest.words[k]!.file, prepareWords),
      ),
    );
  }

  /** Loads the tail shards the tails need. */
  async loadTails(tails: readonly string[]): Promise<void> {
    const files = this.manifest.tails ?? [];
    if (files.length === 0) return;
    const wanted = new Set(tails.filter((t) => t !== '').map((t) => shardAt(this.tailFroms, t)));
    await Promise.all(
      [...wanted].map((k) =>
        this.loadOnce(this.tails, this.tailsLoaded, k, files[k]!.file, prepareTails),
      ),
    );
  }

  /** Shard k, loaded once (a failed load is tried again later, e.g. back online). */
  private loadOnce<File, Ready>(
    pending: Map<number, Promise<Ready>>,
    loaded: Map<number, Ready>,
    k: number,
    file: string,
    prepare: (file: File) => Ready,
  ): Promise<Ready> {
    let shard = pending.get(k);
    if (!shard) {
      shard = (this.load(file) as Promise<File>).then((f) => {
        const ready = prepare(f);
        loaded.set(k, ready);
        return ready;
      });
      shard.catch(() => pending.delete(k));
      pending.set(k, shard);
    }
    return shard;
  }

  /** Loads the postings shards holding words `numbers`. */
  async loadPostings(numbers: readonly number[]): Promise<void> {
    const wanted = new Set(numbers.map((n) => shardAt(this.starts, n)));
    await Promise.all(
      [...wanted].map((k) => {
        if (this.postingsLoaded.has(k)) return undefined;
        let pending = this.postingsPending.get(k);
        if (!pending) {
          pending = (this.load(this.manifest.postingsFiles[k]!) as Promise<PostingsShardFile>)
            .then((file) => {
              this.postingsLoaded.set(k, file);
            })
            .finally(() => this.postingsPending.delete(k));
          this.postingsPending.set(k, pending);
        }
        return pending;
      }),
    );
  }

  /** Loads every shard: for tests and benchmarks that search synchronously. */
  async loadAll(): Promise<void> {
    await Promise.all([
      ...this.froms.map((from) => this.loadWords([from])),
      ...this.tailFroms.map((from) => this.loadTails([from])),
      this.loadPostings(this.starts),
    ]);
  }
}

/** A store over emitted files held in memory (tests, benchmarks): `files` by file name. */
export function storeOfFiles(manifestName: string, files: ReadonlyMap<string, string>): ShardStore {
  const manifest = JSON.parse(files.get(manifestName)!) as SearchManifest;
  return new ShardStore(manifest, (file) => Promise.resolve(JSON.parse(files.get(file)!)));
}

function prepareWords(file: WordShardFile): WordShard {
  return {
    start: file.start,
    terms: file.terms,
    docs: decodeNumbers(file.docs),
    local: new Map(file.terms.map((t, i) => [t, i])),
    signatures: buildSignatureTable(file.terms),
  };
}

function prepareTails(file: TailShardFile): TailShard {
  const numbers = decodeNumbers(file.words);
  const out = new Map<string, TailWord[]>();
  let at = 0;
  file.tails.forEach((tail, i) => {
    out.set(
      tail,
      [...file.heads[i]!].map((head) => {
        const word = { n: numbers[at]!, term: head + tail, docs: numbers[at + 1]! };
        at += 2;
        return word;
      }),
    );
  });
  return out;
}
