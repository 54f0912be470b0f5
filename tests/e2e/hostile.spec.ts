import { readdirSync } from 'node:fs';
import { HOSTILE_PORT } from '../../playwright.config';
import type { Page } from '@playwright/test';
import { PAGE_SIZE } from '../../src/data/browse';
import { essaySlugFromTitle } from '../../src/domain/slugs';
import { BODY_VECTORS, FRONT_MATTER_VECTORS, MARKER_WORD } from '../corpora/xss';
import { expect, test } from './fixtures';

/**
 * The site built from the XSS corpus (tests/corpora/xss.ts): one essay per vector, plus
 * hostile titles, descriptions, themes and tags. Every page is checked twice over: the DOM
 * holds nothing that could run (no handlers, no script-capable elements, no javascript:,
 * data: or vbscript: URLs), and nothing did run (no dialog, no `window.__xss`, no navigation
 * away). The CSP would stop most of these anyway; this proves the renderer does on its own.
 */
test.use({ baseURL: `http://127.0.0.1:${HOSTILE_PORT}` });

const VECTORS = BODY_VECTORS.length + FRONT_MATTER_VECTORS.length;

/** What the page's DOM must not hold, anywhere. */
async function dangerousNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const badUrl = /^(javascript|data|vbscript):/i;
    // Browsers skip control characters and spaces in a URL's scheme: so does this check.
    const clean = (v: string) => [...v].filter((c) => c.charCodeAt(0) > 32).join('');
    for (const el of document.querySelectorAll('body *')) {
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith('on'))
          found.push(`${el.tagName} ${attr.name}="${attr.value}"`);
        if (
          ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(
            attr.name.toLowerCase(),
          ) &&
          (badUrl.test(clean(attr.value)) || attr.name === 'srcdoc')
        )
          found.push(`${el.tagName} ${attr.name}="${attr.value}"`);
      }
    }
    // HTML an essay may hold passes an allow-list (src/lib/rehypeHtml.ts): details, video
    // and audio (with controls, never autoplay), and the disabled checkbox of a task list are
    // on it; these never are.
    const tags =
      'script, iframe, object, embed, form, meta, base, style, math, noscript, svg, textarea, select, button, input:not([type="checkbox"][disabled]), video:not([controls]), audio:not([controls]), [autoplay], [autofocus]';
    // Where essay content is shown (the app's own filter form has inputs of its own).
    const content = '.prose, .essay-card, .search-hit, main h1, main .page-intro';
    for (const el of document.querySelectorAll(`:is(${content}) :is(${tags})`))
      found.push(`<${el.tagName.toLowerCase()}> in content`);
    for (const el of document.querySelectorAll('body script'))
      found.push(`<script> in body: ${el.outerHTML.slice(0, 80)}`);
    return found;
  });
}

async function expectInert(page: Page, dialogs: string[], where: string) {
  expect(await dangerousNodes(page), where).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: string }).__xss), where).toBeUndefined();
  expect(dialogs, where).toEqual([]);
  expect(new URL(page.url()).origin, where).toBe(`http://127.0.0.1:${HOSTILE_PORT}`);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/**
 * Visits every page of a paged list, from the one shown: `visit` runs once per page, after
 * that page's own results are on screen. Search changes its URL at once and shows the next
 * page's results when their summaries arrive, so the URL says nothing about what is shown:
 * the current page marker in the pagination does, as it renders with the results.
 */
async function everyPage(page: Page, visit: () => Promise<void>): Promise<number> {
  const current = page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]');
  for (let shown = 1; ; shown++) {
    if (shown > 1) await expect(current).toHaveText(String(shown));
    await visit();
    const next = page.getByRole('link', { name: 'Next page →' });
    if ((await next.count()) === 0) return shown;
    await next.click();
  }
}

/** Every essay link of every page of the list, visiting (and checking) each page. */
async function listEveryPage(page: Page, dialogs: string[]): Promise<string[]> {
  const links: string[] = [];
  await page.goto('/');
  await everyPage(page, async () => {
    await expect(page.locator('main .essay-card').first()).toBeVisible();
    await expectInert(page, dialogs, `list ${page.url()}`);
    links.push(
      ...(await page
        .locator('main .essay-card-title a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))),
    );
  });
  return links;
}

/*
 * One short test per page (or small group of pages): a long loop over every vector in one
 * test ran past its time limit on a loaded machine, and said less about which vector failed.
 */

test('every XSS vector renders inert in every page of the list', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const links = await listEveryPage(page, dialogs);
  expect(links.length).toBe(VECTORS);
});

const READER_PAGES = [
  ...BODY_VECTORS.map((v) => ({ id: v.id, title: `hostile body: ${v.id}`, body: true })),
  ...FRONT_MATTER_VECTORS.map((v) => ({ id: v.id, title: v.title, body: false })),
];

for (const vector of READER_PAGES) {
  test(`the ${vector.id} vector renders inert in the reader`, async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`/essays/${essaySlugFromTitle(vector.title)}`);
    await expect(page.locator('.prose')).toContainText(MARKER_WORD);
    // Hover and click what a reader might: links that stay on the page, marked words.
    for (const a of await page.locator('.prose a').all()) {
      const href = (await a.getAttribute('href')) ?? '';
      if (!/^https?:/.test(href)) await a.click({ force: true }).catch(() => {});
    }
    await page.locator('.prose').hover();
    await expectInert(page, dialogs, `reader ${page.url()}`);
    // The text after a body vector survived: the vector is neutralized, not the essay.
    if (vector.body)
      await expect(page.locator('.prose')).toContainText(
        `The text after the ${vector.id} vector still reads.`,
      );
  });
}

test('every XSS vector renders inert in search results', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/search?q=${MARKER_WORD}`);
  await expect(page.locator('main').getByRole('status')).toContainText(`${VECTORS} essays match`);
  const seen = new Set<string>();
  const pages = await everyPage(page, async () => {
    await expect(page.locator('.search-hit').first()).toBeVisible();
    // Snippets come from the bodies: wait until they replaced the descriptions.
    await expect(page.locator('.search-hit mark').first()).toBeVisible();
    await expectInert(page, dialogs, `search ${page.url()}`);
    for (const href of await page
      .locator('.search-hit h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
      seen.add(href);
  });
  // Every result was shown (and checked) once, on its own page.
  expect(pages).toBe(Math.ceil(VECTORS / PAGE_SIZE));
  expect(seen.size).toBe(VECTORS);
});

/** Every vector gives its own tag page; they are checked a few to a test. */
const TERM_PAGES_PER_TEST = 4;
/** One prerendered page per tag in the built fixture: the tags the /tags page links to. */
const TAG_GROUPS = Math.ceil(
  readdirSync('dist-fixtures/hostile/tags').filter((f) => f.endsWith('.html')).length /
    TERM_PAGES_PER_TEST,
);

for (const [route, groups] of [
  ['/tags', TAG_GROUPS],
  ['/themes', 2],
] as const) {
  for (let group = 0; group < groups; group++) {
    test(`XSS in terms renders inert on ${route}, pages group ${group + 1}`, async ({ page }) => {
      const dialogs = watchDialogs(page);
      await page.goto(route);
      await expectInert(page, dialogs, route);
      const terms = await page
        .locator('main a[href*="/tags/"], main a[href*="/themes/"]')
        .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
      const last = group === groups - 1;
      const mine = terms.slice(
        group * TERM_PAGES_PER_TEST,
        last ? undefined : (group + 1) * TERM_PAGES_PER_TEST,
      );
      expect(mine.length).toBeGreaterThan(0);
      for (const href of mine) {
        await page.goto(href);
        await expect(page.locator('main h1')).toBeVisible();
        await expectInert(page, dialogs, href);
      }
    });
  }
}

test('the Content-Security-Policy is in force: an injected inline script does not run', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) =>
            resolve({
              ran: Boolean((window as unknown as { __inline?: boolean }).__inline),
              violated: e.violatedDirective,
            }),
          { once: true },
        );
        const s = document.createElement('script');
        s.textContent = 'window.__inline = true';
        document.body.append(s);
        setTimeout(
          () =>
            resolve({
              ran: Boolean((window as unknown as { __inline?: boolean }).__inline),
              violated: '',
            }),
          1000,
        );
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: 'script-src-elem' });
  // The browser logs the refusal; that log is the expected outcome here.
  expect(pageErrors.join('\n')).toContain('Content Security Policy');
  pageErrors.length = 0;
});
