/**
 * Builds the extra sites the end-to-end tests serve (`npm run build:fixtures`):
 * - dist-fixtures/hostile: one essay per XSS vector of tests/corpora/xss.ts
 * - dist-fixtures/update-v1 and update-v2: the sample essays, then the same plus one new
 *   essay, to test the update prompt of the offline cache.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { writeHostileCorpus } from '../tests/corpora/xss';

async function site(essaysDir: string, outDir: string) {
  process.env.ESSAYS_DIR = path.resolve(essaysDir);
  await build({
    configFile: path.resolve('vite.config.ts'),
    build: { outDir: path.resolve(outDir), emptyOutDir: true },
    logLevel: 'warn',
  });
  console.log(`built ${outDir} from ${essaysDir}`);
}

const v2 = '.tmp/fixtures/update-v2-essays';
rmSync(v2, { recursive: true, force: true });
mkdirSync(v2, { recursive: true });
cpSync('content/essays', v2, { recursive: true });
cpSync('tests/fixtures/update-essays', v2, { recursive: true });

const hostile = '.tmp/fixtures/hostile-essays';
rmSync(hostile, { recursive: true, force: true });
writeHostileCorpus(hostile);

await site(hostile, 'dist-fixtures/hostile');
await site('content/essays', 'dist-fixtures/update-v1');
await site(v2, 'dist-fixtures/update-v2');
