/**
 * `npm run epubcheck`: the built archive's EPUB books pass the W3C's epubcheck (Debian
 * package `epubcheck`; .ci/run installs it). Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const JAR = '/usr/share/java/epubcheck.jar';
const dist = process.argv[2] ?? 'dist';
if (!existsSync(JAR)) {
  console.error(`epubcheck is not installed (${JAR}); on Debian: apt-get install -y epubcheck`);
  process.exit(1);
}
// The whole archive, and the first theme's book (each check starts a JVM: seconds a book).
const books = [path.join(dist, 'epub/archive.epub')];
const themes = path.join(dist, 'epub/themes');
if (existsSync(themes))
  books.push(
    ...readdirSync(themes)
      .sort()
      .slice(0, 1)
      .map((f) => path.join(themes, f)),
  );
if (!existsSync(books[0]!)) {
  console.error(`${books[0]} was not built`);
  process.exit(1);
}
let failed = 0;
for (const book of books) {
  try {
    const out = execFileSync('java', ['-jar', JAR, '--quiet', book], { encoding: 'utf8' });
    console.log(`  ok    ${book}${out.trim() ? `\n${out}` : ''}`);
  } catch (e) {
    failed++;
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    console.error(`  FAIL  ${book}\n${stdout}${stderr}`);
  }
}
console.log(`epubcheck: ${books.length - failed} of ${books.length} books pass`);
process.exit(failed ? 1 : 0);
