/**
 * Builds the extra sites the end-to-end tests serve (`npm run build:fixtures`):
 * - dist-fixtures/hostile: one essay per XSS vector of tests/corpora/xss.ts
 * - dist-fixtures/update-v1 and update-v2: the sample essays, then the same plus one new
 *   essay and one retitled, to test the update prompt of the offline cache and progress
 *   that follows a renamed essay.
 * - dist-fixtures/large: a synthetic archive of LARGE_COUNT essays (scripts/corpusLib.ts),
 *   over its limit for saving offline without asking.
 * - dist-fixtures/subfolder: the sample essays published under /library/ (a base path).
 * - dist-fixtures/jekyll and vault: a real Jekyll archive and an Obsidian vault, as they are.
 * - dist-fixtures/markup: essays written with HTML, callouts, MDX and an image wider than any
 *   screen (tests/e2e/markup.spec.ts).
 * - dist-fixtures/vault-v2: the vault with its image changed, to test that an update saves the
 *   new image for offline and reclaims the old one.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { SUBFOLDER_PORT } from '../playwright.config';
import { writeHostileCorpus } from '../tests/corpora/xss';
import { LARGE_COUNT } from '../tests/e2e/support/large';
import { JEKYLL_CORPUS } from '../tests/e2e/support/archives';
import { writeCorpus } from './corpusLib';

async function site(
  essaysDir: string,
  outDir: string,
  siteUrl?: string,
  env: Record<string, string> = {},
) {
  process.env.ESSAYS_DIR = path.resolve(essaysDir);
  if (siteUrl) process.env.SITE_URL = siteUrl;
  Object.assign(process.env, env);
  try {
    await build({
      configFile: path.resolve('vite.config.ts'),
      build: { outDir: path.resolve(outDir), emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    delete process.env.SITE_URL;
    for (const key of Object.keys(env)) delete process.env[key];
  }
  console.log(`built ${outDir} from ${essaysDir}${siteUrl ? ` for ${siteUrl}` : ''}`);
}

const v2 = '.tmp/fixtures/update-v2-essays';
rmSync(v2, { recursive: true, force: true });
mkdirSync(v2, { recursive: true });
cpSync('content/essays', v2, { recursive: true });
cpSync('tests/fixtures/update-essays', v2, { recursive: true });
// The second build also retitles an essay (a new slug, the same thread id): reading
// progress must follow it (tests/e2e/progress.spec.ts).
const retitled = path.join(v2, '022_e3204915c2681baa.txt');
writeFileSync(
  retitled,
  readFileSync(retitled, 'utf8')
    .replace('title: "the bus is the backbone"', 'title: "the bus is the backbone of the city"')
    .replace('\n# the bus is the backbone\n', '\n# the bus is the backbone of the city\n'),
);

// The sample essays with one essay edited: a paragraph added above a highlighted sentence
// and another highlighted sentence removed (tests/e2e/highlights.spec.ts re-anchors them).
const edited = '.tmp/fixtures/edited-essays';
rmSync(edited, { recursive: true, force: true });
cpSync('content/essays', edited, { recursive: true });
const editedEssay = path.join(edited, '000_1e3660a13cdc0503.txt');
writeFileSync(
  editedEssay,
  readFileSync(editedEssay, 'utf8')
    .replace(
      '\n# base and superstructure, without the diagram\n\n',
      '\n# base and superstructure, without the diagram\n\nA paragraph added in a later edit, above everything else.\n\n',
    )
    .replace(' Technology matters because it changes those relations, not in itself.', ''),
);

// The same picture with a byte after its end (PNG readers stop at IEND): a new hash, so a new
// file name, as an edited image gets.
const vault2 = '.tmp/fixtures/vault-v2';
rmSync(vault2, { recursive: true, force: true });
cpSync('tests/fixtures/generators/obsidian', vault2, { recursive: true });
const chart = path.join(vault2, 'attachments/tide-chart.png');
writeFileSync(chart, Buffer.concat([readFileSync(chart), Buffer.from([0])]));

const large = '.tmp/fixtures/large-essays';
rmSync(large, { recursive: true, force: true });
writeCorpus({ count: LARGE_COUNT, out: large });

const hostile = '.tmp/fixtures/hostile-essays';
rmSync(hostile, { recursive: true, force: true });
writeHostileCorpus(hostile);

await site(hostile, 'dist-fixtures/hostile');
// Larger than its limit for saving without asking (~0.7 MB of packs): saving is offered.
await site(large, 'dist-fixtures/large', undefined, { OFFLINE_AUTO_SAVE_MB: '0.25' });
await site(
  'content/essays',
  'dist-fixtures/subfolder',
  `http://127.0.0.1:${SUBFOLDER_PORT}/library/`,
);
// Archives as generators keep them, built with no config (tests/e2e/archives.spec.ts).
await site(JEKYLL_CORPUS, 'dist-fixtures/jekyll');
await site('tests/fixtures/generators/obsidian', 'dist-fixtures/vault');
await site('tests/fixtures/markup', 'dist-fixtures/markup');
await site(vault2, 'dist-fixtures/vault-v2');
await site('content/essays', 'dist-fixtures/update-v1');
await site(v2, 'dist-fixtures/update-v2');
await site(edited, 'dist-fixtures/edited');
