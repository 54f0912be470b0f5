import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSwitchServer } from '../e2e/support/switchServer';
import { engines, launchFirefox, launchWebKit, type EngineDriver } from './drivers';

/**
 * What a reader does, in Firefox and in Safari's engine: the built sample site (dist/, made by
 * `npm run build`) served by a static host this test can switch off, which is what going
 * offline is to a browser. Chromium runs the full suite (tests/e2e); this is the smoke.
 */

const PORT_BASE = (Number(process.env.E2E_PORT_BASE) || 4173) + 20;
const ESSAY = '/essays/base-and-superstructure-without-the-diagram';
const KEPT = 'The diagram is memorable and almost entirely misleading.';

/** Polls a condition in the page until it holds (never a fixed sleep). */
async function waitFor(driver: EngineDriver, body: string, what: string, ms = 30_000) {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      last = await driver.evaluate(body);
      if (last) return last;
    } catch (e) {
      last = e; // a navigation in flight: try again
    }
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cases = [
  ['Firefox ESR', launchFirefox, engines.firefox, 0],
  ['WebKit (WebKitGTK)', launchWebKit, engines.webkit, 1],
] as const;

for (const [name, launch, available, offset] of cases) {
  describe(name, () => {
    let driver: EngineDriver;
    let site: Awaited<ReturnType<typeof startSwitchServer>>;
    beforeAll(async () => {
      // CI installs both engines; on a machine without one, say so loudly rather than pass.
      if (!available)
        throw new Error(
          `${name} is not installed: apt-get install firefox-esr webkit2gtk-driver xvfb`,
        );
      site = await startSwitchServer(PORT_BASE + offset, 'dist', { cleanUrls: true });
      driver = await launch();
    }, 60_000);
    afterAll(async () => {
      await driver?.close();
      await site?.close();
    });

    it('an essay paints from its HTML, then the app takes it over', async () => {
      await driver.goto(site.url + ESSAY);
      expect(await driver.evaluate(`return document.querySelector('main h1')?.textContent`)).toBe(
        'base and superstructure, without the diagram',
      );
      await waitFor(
        driver,
        `return document.documentElement.dataset.render === 'hydrated'`,
        'hydration',
      );
    }, 60_000);

    it('the list filters by a tag, and the URL says so', async () => {
      await driver.goto(site.url + '/');
      await waitFor(
        driver,
        // The count is in the page's own HTML too: wait for the app, or a click meets no handler.
        `return document.querySelector('.results-count')?.textContent === '24 essays, page 1 of 2' && !!document.documentElement.dataset.render`,
        'the whole list, in the app',
      );
      await driver.click('.filter-options input[data-key="group dynamics"]');
      await waitFor(
        driver,
        `return document.querySelector('.results-count')?.textContent === '4 essays' && location.search === '?tag=group-dynamics'`,
        'the filtered list',
      );
    }, 60_000);

    it('a misspelled word finds its essay as it is typed', async () => {
      await driver.goto(site.url + '/tags');
      await waitFor(
        driver,
        `return document.documentElement.dataset.render !== undefined`,
        'the app',
      );
      await driver.type('input[type="search"][name="q"]', 'laundramat');
      const first = await waitFor(
        driver,
        `return location.pathname === '/search' && document.querySelector('.search-hit h2, .search-hit h3')?.textContent`,
        'a search result',
      );
      expect(first).toBe('a year of reading capital in a laundromat');
    }, 60_000);

    it('a highlight survives a reload', async () => {
      await driver.goto(site.url + ESSAY);
      await waitFor(
        driver,
        `return document.documentElement.dataset.annotations === 'ready'`,
        'highlights',
      );
      await driver.evaluate(`
        const prose = document.querySelector('.prose');
        const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.data.indexOf(${JSON.stringify(KEPT)});
          if (at < 0) continue;
          n.parentElement.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + ${KEPT.length});
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return true;
        }
        throw new Error('the sentence is not in the essay');`);
      await waitFor(
        driver,
        `return !!document.querySelector('[aria-label="Highlight in yellow"]')`,
        'the highlight bar',
      );
      await driver.click('[aria-label="Highlight in yellow"]');
      const listed = `return document.querySelector('.essay-annotations .annotation-list')?.textContent.includes(${JSON.stringify(KEPT)})`;
      await waitFor(driver, listed, 'the highlight listed');
      await driver.reload();
      await waitFor(
        driver,
        `return document.documentElement.dataset.annotations === 'ready'`,
        'highlights after reload',
      );
      await waitFor(driver, listed, 'the highlight kept');
      // Painted on the words again, not only listed.
      await waitFor(
        driver,
        `return !globalThis.CSS?.highlights || CSS.highlights.get('note-yellow')?.size === 1`,
        'the highlight painted',
      );
    }, 60_000);

    it('the service worker takes over, and an essay read online reads with the host gone', async () => {
      const opened = '/essays/a-sentence-is-a-unit-of-attention';
      await driver.goto(site.url + opened);
      await waitFor(
        driver,
        `return !!navigator.serviceWorker?.controller && !!document.documentElement.dataset.render`,
        'the service worker in control',
        60_000,
      );
      await driver.goto(site.url + '/');
      await waitFor(
        driver,
        `return !!document.querySelector('.offline-status[data-phase]')`,
        'the offline status',
      );
      await site.close(); // the network is gone, as far as the browser can tell
      await driver.goto(site.url + opened);
      await waitFor(
        driver,
        `return document.querySelector('main h1')?.textContent === 'a sentence is a unit of attention' && document.querySelectorAll('.prose p').length > 2`,
        'the essay read offline',
      );
    }, 90_000);

    // WebKitGTK's automation session: the save worker's cache writes are not kept (the
    // status now says so instead of "Available offline"; docs/decisions/0016), so the whole
    // archive offline is checked in Firefox here and in Chromium by tests/e2e.
    if (name !== 'WebKit (WebKitGTK)')
      it('the whole archive is saved, and an essay never opened reads with the host gone', async () => {
        await site.close();
        site = await startSwitchServer(PORT_BASE + offset, 'dist', { cleanUrls: true }); // the host is back
        await driver.goto(site.url + '/');
        await waitFor(
          driver,
          `return /Available offline · 24 essays/.test(document.querySelector('.offline-status')?.textContent ?? '')`,
          'the archive saved for offline',
          60_000,
        );
        await site.close();
        await driver.goto(site.url + '/essays/the-case-for-rereading');
        await waitFor(
          driver,
          `return document.querySelector('main h1')?.textContent === 'the case for rereading' && document.querySelectorAll('.prose p').length > 2`,
          'an essay never opened, read offline',
        );
      }, 90_000);
  });
}
