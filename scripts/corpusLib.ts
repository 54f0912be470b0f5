/**
 * A deterministic synthetic archive in the real essay format, for benchmarks and scale
 * tests. Same count and seed give byte-identical files. Dates are yearless with a true
 * weekday; tags and themes hold spaces and underscores; bodies have headings, `1)` lists
 * and bare URLs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusOptions {
  count: number;
  out: string;
  seed?: number;
}

export function writeCorpus({ count, out, seed = 1 }: CorpusOptions): string[] {
  const outDir = path.resolve(out);
  const random = rng(seed * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  // Pronounceable made-up words give a large vocabulary with realistic lengths; common English
  // words supply the glue so text reads like prose to the tokenizer.
  const ONSETS = [
    'b',
    'c',
    'd',
    'f',
    'g',
    'h',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'br',
    'cl',
    'dr',
    'gr',
    'pl',
    'st',
    'tr',
    'sh',
    'th',
    'ch',
  ];
  const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
  const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'nt', 'st', 'rd', 'ck', 'sh'];
  const SUFFIXES = ['', '', '', 'ing', 'tion', 'ism', 'ity', 'ment', 'ous', 'al', 'er', 'ly'];
  function makeWord(): string {
    let w = '';
    const syllables = int(1, 3);
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    return w + pick(SUFFIXES);
  }
  const vocabulary = [...new Set(Array.from({ length: 9000 }, makeWord))];
  const GLUE =
    'the of and to a in is that it for as with was on be by this are not or but from at which what their when can more one all about would there so people they we how them than into only other time work should because our each even most these many much'.split(
      ' ',
    );

  /** Zipf-like: low indexes are far more common than high ones. */
  // Real archives are full of words used once or twice (names, places, coinages); a long
  // uniform tail gives each essay a few of them, as real essays have.
  const rareVocabulary = Array.from(
    { length: 150_000 },
    () => makeWord() + pick(['', 'a', 'o', 'en']),
  );
  function contentWord(): string {
    if (random() < 0.04) return rareVocabulary[Math.floor(random() * rareVocabulary.length)]!;
    const r = random();
    return vocabulary[Math.floor(vocabulary.length * r * r * r)]!;
  }

  const AREAS: Record<string, string[]> = {
    organizing: ['study groups', 'unions', 'tenant unions', 'mutual aid'],
    marxism: ['historical materialism', 'political economy', 'value theory'],
    craft: ['writing', 'editing', 'rhetoric'],
    cities: ['urban planning', 'transit', 'housing'],
    technology: ['software', 'platforms', 'automation'],
    reading: ['attention', 'close reading'],
    history: ['labor history', 'revolutions', 'empire'],
    philosophy: ['ethics', 'epistemology'],
  };
  const THEMES = Object.entries(AREAS).flatMap(([area, subs]) => subs.map((s) => `${area}_${s}`));
  const TAGS = [
    ...THEMES,
    ...Array.from({ length: 180 }, () =>
      random() < 0.4 ? `${makeWord()} ${makeWord()}` : makeWord(),
    ),
  ];

  function sentence(words: number): string {
    const parts: string[] = [];
    for (let i = 0; i < words; i++) parts.push(random() < 0.45 ? pick(GLUE) : contentWord());
    const s = parts.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + pick(['.', '.', '.', '?', '!', ':']);
  }

  function paragraph(target: number): { text: string; words: number } {
    const out: string[] = [];
    let words = 0;
    while (words < target) {
      const n = int(6, 24);
      out.push(sentence(n));
      words += n;
    }
    return { text: out.join(' '), words };
  }

  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];

  function essayLength(): number {
    // Mostly short threads, a long tail of long essays, always between 80 and 3000 words.
    const r = random();
    return Math.min(
      3000,
      Math.max(80, Math.round(120 + 600 * r * r + (random() < 0.05 ? 2000 * random() : 0))),
    );
  }

  function makeEssay(i: number, day: Date) {
    const theme = pick(THEMES);
    const tagSet = new Set([theme]);
    const tagCount = int(1, 5);
    while (tagSet.size < tagCount + 1) tagSet.add(pick(TAGS));
    const title = Array.from({ length: int(2, 7) }, () =>
      random() < 0.3 ? pick(GLUE) : contentWord(),
    ).join(' ');
    const target = essayLength();
    const blocks: string[] = [`# ${title}`];
    let words = 0;
    let para = 0;
    while (words < target) {
      para++;
      if (para % 5 === 0 && target > 600)
        blocks.push(`## ${sentence(int(2, 5)).replace(/[.?!:]$/, '')}`);
      if (para % 4 === 2) {
        const items = int(2, 4);
        for (let k = 1; k <= items; k++) {
          const s = sentence(int(5, 14));
          blocks.push(`${k}) ${s}`);
          words += s.split(' ').length;
        }
        continue;
      }
      const p = paragraph(Math.min(int(30, 90), target - words + 5));
      const withLink =
        random() < 0.15
          ? `${p.text} https://t.co/${makeWord().slice(0, 6)}${i.toString(36)}`
          : p.text;
      blocks.push(withLink);
      words += p.words;
    }
    const body = blocks.join('\n\n');
    const plain = blocks
      .slice(1)
      .join(' ')
      .replace(/https?:\/\/\S+/g, '');
    const description = plain.slice(0, 120).replace(/"/g, "'");
    const date = `${DAYS[day.getUTCDay()]} ${MONTHS[day.getUTCMonth()]} ${String(day.getUTCDate()).padStart(2, '0')}`;
    return [
      '---',
      `title: "${title}"`,
      `date: ${date}`,
      `description: "${description}"`,
      `thread_id: thread_${String(i + 1).padStart(5, '0')}`,
      `word_count: ${words}`,
      `reading_time: ${Math.max(1, Math.ceil(words / 230))}`,
      `primary_theme: ${theme}`,
      `tags: [${[...tagSet].map((t) => `"${t}"`).join(', ')}]`,
      '---',
      '',
      body,
      '',
    ].join('\n');
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Essays run backwards from a fixed day, a few per week, so yearless dates stay realistic.
  let day = Date.UTC(2026, 9, 31);
  const width = Math.max(3, String(count - 1).length);
  const names: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const text = makeEssay(i, new Date(day));
    const hash =
      (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, '0') +
      (i * 97).toString(16).padStart(8, '0');
    const name = `${String(i).padStart(width, '0')}_${hash}.txt`;
    writeFileSync(path.join(outDir, name), text);
    names.push(name);
    day -= int(0, 2) * 86_400_000;
  }
  return names;
}

/** mulberry32: tiny, fast, and the same everywhere. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
