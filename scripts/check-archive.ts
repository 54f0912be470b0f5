/**
 * `npm run check-archive -- DIR [--pages 40] [--config FILE]`: builds a folder of essays as a
 * new user would, then reads a sample of its pages in Chromium on a phone's screen (390 px)
 * and reports what a reader would meet that its author never wrote: markup shown as text,
 * images that do not load, links inside the site that lead nowhere, pages wider than the
 * screen. Prints the files read, essays built and what was left out with why; exits 1 when
 * the build fails or any page shows one of those. See docs/decisions/0014-real-archives.md.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { chromium } from '@playwright/test';
import type { EssayIndex } from '../src/domain/essay';
import { previewSite } from '../tests/bench/site';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pages: { type: 'string', default: '40' }, config: { type: 'string' } },
});
const dir = positionals[0];
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run check-archive -- DIR [--pages 40] [--config essays.config.json]');
  process.exit(2);
}
const essaysDir = path.resolve(dir);
const outDir = path.resolve('.tmp/check-archive', path.basename(essaysDir));
const PHONE = { width: 390, height: 844 };

// 1. The build, in its own process as `npm run build` runs it: its report is the user's.
const started = performance.now();
const built = await promisify(execFile)(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'build',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ],
  {
    env: {
      ...process.env,
      ESSAYS_DIR: essaysDir,
      ...(values.config ? { ESSAYS_CONFIG: path.resolve(values.config) } : {}),
    },
    maxBuffer: 64 * 1024 * 1024,
  },
).then(
  (r) => ({ ok: true, output: r.stdout + r.stderr }),
  (e: { stdout?: string; stderr?: string }) => ({
    ok: false,
    output: (e.stdout ?? '') + (e.stderr ?? ''),
  }),
);
if (!built.ok) {
  console.log(built.output.trimEnd());
  console.log(`\ncheck-archive: ${essaysDir} did not build (above).`);
  process.exit(1);
}
const report = readFileSync(path.join(outDir, 'build-report.txt'), 'utf8');
const indexFile = readdirSync(path.join(outDir, 'data')).find((f) => /^index\.\w+\.json$/.test(f))!;
const index = JSON.parse(readFileSync(path.join(outDir, 'data', indexFile), 'utf8')) as EssayIndex;
const leftOut = /Left out \((\d+)\):\n((?: {2}.*\n)*)/.exec(report);
const warnings = /Warnings \((\d+)\)/.exec(report)?.[1] ?? '0';
const filesRead = index.essays.length + Number(leftOut?.[1] ?? 0);
console.log(`${essaysDir}`);
console.log(
  `  files read ${filesRead}, essays built ${index.essays.length}, left out ${leftOut?.[1] ?? 0}, warnings ${warnings} (all in ${path.relative('.', outDir)}/build-report.txt); built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (leftOut?.[2] && leftOut[2].trim() !== 'none') console.log(leftOut[2].trimEnd());

// 2. A sample of essays, spread over the archive, read on a phone's screen.
const want = Math.min(Number(values.pages), index.essays.length);
const sample = Array.from(
  { length: want },
  (_, i) => index.essays[Math.floor((i * index.essays.length) / want)]!,
);
const server = await previewSite(outDir);
const base = server.url;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
const page = await context.newPage();

interface Found {
  markupAsText: string[];
  brokenImages: string[];
  links: string[];
  width: number;
}
const found = { markup: 0, images: 0, links: 0, wide: 0 };
const details: string[] = [];
/** Whether the built site has a page or file at an app path (`/essays/x`, `/media/y.png`). */
const siteHas = (href: string): boolean => {
  const url = new URL(href, base);
  if (url.origin !== new URL(base).origin) return true;
  const p = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  if (p === '') return true;
  return (
    existsSync(path.join(outDir, p)) ||
    existsSync(path.join(outDir, `${p.replace(/\/$/, '')}.html`)) ||
    existsSync(path.join(outDir, p, 'index.html'))
  );
};

for (const essay of sample) {
  const address = `${base}essays/${essay.slug}`;
  await page.goto(address);
  await page.locator('html[data-render]').waitFor({ state: 'attached' });
  await page.locator('.prose').first().waitFor();
  // Every image settles (loads or fails) before it is judged.
  await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll<HTMLImageElement>('.prose img')].map((img) =>
        img.complete
          ? null
          : new Promise((settled) => {
              img.addEventListener('load', settled, { once: true });
              img.addEventListener('error', settled, { once: true });
              setTimeout(settled, 5000);
            }),
      ),
    ),
  );
  const seen: Found = await page.evaluate(() => {
    const prose = document.querySelector('.prose')!;
    const text: string[] = [];
    const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('pre, code, kbd, samp')) continue;
      // A tag with attributes, or a template's or a vault's syntax. A bare `<base>` in prose
      // is an author naming an element (Markdown would have read a real one as HTML).
      const m =
        /<[a-z][a-z0-9-]*\s+[a-z-]+=[^<>]*>|\{\{.*?\}\}|\{%.*?%\}|\[\[[^\]]+\]\]|^\s*\[![a-z]+\]/i.exec(
          n.textContent ?? '',
        );
      if (m) text.push(m[0].slice(0, 60));
    }
    // The site's own images: one from another site depends on the network, not the build.
    const images = [...prose.querySelectorAll<HTMLImageElement>('img')]
      .filter((img) => new URL(img.src, location.href).origin === location.origin)
      .filter((img) => img.complete && img.naturalWidth === 0)
      .map((img) => img.getAttribute('src') ?? '');
    const links = [...prose.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href);
    return {
      markupAsText: text,
      brokenImages: images,
      links,
      width: document.documentElement.scrollWidth,
    };
  });
  const dead = seen.links.filter((href) => /^https?:/.test(href) && !siteHas(href.split('#')[0]!));
  const problems = [
    ...seen.markupAsText.map((t) => `markup shown as text: ${t}`),
    ...seen.brokenImages.map((src) => `image does not load: ${src}`),
    ...dead.map((href) => `link leads nowhere: ${new URL(href).pathname}`),
    ...(seen.width > PHONE.width
      ? [`page is ${seen.width} px wide on a ${PHONE.width} px screen`]
      : []),
  ];
  found.markup += seen.markupAsText.length;
  found.images += seen.brokenImages.length;
  found.links += dead.length;
  found.wide += seen.width > PHONE.width ? 1 : 0;
  if (problems.length) details.push(`  /essays/${essay.slug}`, ...problems.map((p) => `    ${p}`));
}
await browser.close();
await server.close();

console.log(
  `  ${sample.length} pages read at ${PHONE.width} px: markup shown as text ${found.markup}, images that do not load ${found.images}, links leading nowhere ${found.links}, pages wider than the screen ${found.wide}`,
);
if (details.length) console.log(details.join('\n'));
process.exit(found.markup + found.images + found.links + found.wide > 0 ? 1 : 0);
