import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/domain/site';
import { archiveOptionsFor } from '../../src/pipeline/read/config';
import { bookImages, buildEpub, epubBooks, linkWithin } from '../../src/pipeline/emit/epub';
import { runOnTexts, runPipeline } from '../../src/pipeline/run';

/** The entries of a ZIP we wrote (stored or deflated, no data descriptors), as bytes. */
function zipEntries(buffer: Buffer): { name: string; method: number; data: Buffer }[] {
  const out: { name: string; method: number; data: Buffer }[] = [];
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const body = buffer.subarray(start, start + size);
    out.push({ name, method, data: method === 0 ? body : inflateRawSync(body) });
    at = start + size;
  }
  return out;
}

/** One entry of a ZIP we wrote, as its bytes. */
function rawEntry(buffer: Buffer, wanted: string): { method: number; data: Buffer } {
  const found = zipEntries(buffer).find((e) => e.name === wanted);
  if (!found) throw new Error(`${wanted} is not in the book`);
  return found;
}

/** The entries of a ZIP we wrote, as text. */
function unzip(buffer: Buffer): { name: string; method: number; text: string }[] {
  return zipEntries(buffer).map(({ name, method, data }) => ({
    name,
    method,
    text: data.toString('utf8'),
  }));
}

const essay = (n: number, title: string, theme: string, body: string) =>
  `---\ntitle: "${title}"\ndate: 2024-0${n}-01\ndescription: "d"\nthread_id: thread_${n}\nword_count: 9\nreading_time: 1\nprimary_theme: ${theme}\ntags: ["${theme}", "extra"]\n---\n\n${body}\n`;

const result = runOnTexts({
  '001.md': essay(
    1,
    'First',
    'alpha',
    'Raw <b onclick="x()">html</b> and ![a chart](https://example.org/c.png).\n\n```c\nint x;\n```\n\n## Part two\n\nA footnote.[^1]\n\n[^1]: The note.',
  ),
  '002.md': essay(
    2,
    'Second',
    'beta',
    'See [[First]] and [[First#Part two]], and [away](/old/page/).',
  ),
});

describe('EPUB books', () => {
  const site = siteConfig({ SITE_NAME: 'Shelf' });
  const books = epubBooks(result.essays, site.name);

  it('makes one of the archive and one per theme', () => {
    expect(books.map((b) => [b.fileName, b.title, b.essays.length])).toEqual([
      ['epub/archive.epub', 'Shelf', 2],
      ['epub/themes/alpha.epub', 'Shelf: alpha', 1],
      ['epub/themes/beta.epub', 'Shelf: beta', 1],
    ]);
  });

  it('is a valid container: mimetype first and stored, then the package, oldest essay first', () => {
    const files = unzip(buildEpub(books[0]!, result.essays, site));
    expect(files[0]).toEqual({ name: 'mimetype', method: 0, text: 'application/epub+zip' });
    expect(files.map((f) => f.name)).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'OEBPS/content.opf',
      'OEBPS/cover.xhtml',
      'OEBPS/nav.xhtml',
      'OEBPS/style.css',
      'OEBPS/essays/first.xhtml',
      'OEBPS/essays/second.xhtml',
    ]);
    const opf = files.find((f) => f.name === 'OEBPS/content.opf')!.text;
    expect(opf).toContain('<dc:title>Shelf</dc:title>');
    expect(opf).toContain('<meta property="dcterms:modified">2024-02-01T00:00:00Z</meta>');
  });

  it('never carries raw HTML or outside images; keeps highlighting, heading ids and footnotes', () => {
    const files = unzip(buildEpub(books[0]!, result.essays, site));
    const first = files.find((f) => f.name === 'OEBPS/essays/first.xhtml')!.text;
    expect(first).not.toMatch(/onclick|<b>|<img/);
    expect(first).toContain('[a chart]');
    expect(first).toContain('<span class="hl-type">int</span>');
    expect(first).toContain('<h2 id="part-two">Part two</h2>');
    expect(first).toMatch(/<time datetime="2024-01-01">2024-01-01<\/time>/);
    expect(first).toContain('data-footnote-ref=""');
  });

  it('links to essays inside the book, to the site outside it, or keeps just the words', () => {
    const whole = unzip(buildEpub(books[0]!, result.essays, site));
    const second = whole.find((f) => f.name === 'OEBPS/essays/second.xhtml')!.text;
    expect(second).toContain('<a href="first.xhtml">First</a>');
    expect(second).toContain('<a href="first.xhtml#part-two">First</a>');
    expect(second).toContain('and away.'); // an old-site address leads nowhere in a book
    const alone = unzip(buildEpub(books[2]!, result.essays, site));
    expect(alone.find((f) => f.name === 'OEBPS/essays/second.xhtml')!.text).toContain(
      'See First and First',
    );
    const published = siteConfig({ SITE_URL: 'https://example.org/shelf/' });
    expect(linkWithin('<a href="epub-essay:first#part-two">F</a>', new Set(), published)).toBe(
      '<a href="https://example.org/shelf/essays/first#part-two">F</a>',
    );
  });

  it('is not made for archives too big for a book', () => {
    expect(epubBooks([], 'x')).toEqual([]);
  });
});

describe('an EPUB book of a vault with an image', async () => {
  const dir = 'tests/fixtures/generators/obsidian';
  const archive = archiveOptionsFor({ config: {}, file: null }, dir, {});
  const vault = await runPipeline(dir, { anchorDate: '2026-11-24', archive, emitters: [] });
  const site = siteConfig({ SITE_NAME: 'Tides' });
  const image = vault.media[0]!;

  it('holds the archive’s own image beside the chapters, listed in the package and shown', () => {
    const [book] = epubBooks(vault.essays, site.name);
    const buffer = buildEpub(book!, vault.essays, site, new Map(), bookImages(vault.media));
    const entry = rawEntry(buffer, `OEBPS/${image.fileName}`);
    expect(entry.method).toBe(0); // already compressed: stored
    expect(entry.data.equals(readFileSync(image.from))).toBe(true);
    const files = unzip(buffer);
    const opf = files.find((f) => f.name === 'OEBPS/content.opf')!.text;
    expect(opf).toContain(`href="${image.fileName}" media-type="image/png"`);
    const chapter = files.find((f) => f.name === 'OEBPS/essays/reading-the-tides.xhtml')!.text;
    expect(chapter).toContain(`<img src="../${image.fileName}" alt="" />`);
  });

  it('names an image it may not hold instead of showing it', () => {
    const [book] = epubBooks(vault.essays, site.name);
    const files = unzip(buildEpub(book!, vault.essays, site)); // no images given
    expect(files.some((f) => f.name.startsWith('OEBPS/media/'))).toBe(false);
    const chapter = files.find((f) => f.name === 'OEBPS/essays/reading-the-tides.xhtml')!.text;
    expect(chapter).not.toContain('<img');
  });
});
