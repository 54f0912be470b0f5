import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';

/**
 * End-to-end tests drive the system Chromium (never a downloaded browser) against the built
 * site served by `vite preview`. `npm test` builds first; `npm run test:e2e` alone expects dist/.
 */
/**
 * Ports of the test servers, from E2E_PORT_BASE (default 4173) so a second copy of the suite
 * (another checkout) can run beside this one: `E2E_PORT_BASE=5173 npm test`.
 */
const BASE_PORT = Number(process.env.E2E_PORT_BASE) || 4173;
export const MAIN_PORT = BASE_PORT;
/** A synthetic archive of 200 essays (`npm run build:fixtures`): pieces load as designed. */
export const LARGE_PORT = BASE_PORT + 1;
const PORT = MAIN_PORT;
export const HOSTILE_PORT = BASE_PORT + 2;
/** Taken by the offline update test's own switchable server. */
export const UPDATE_PORT = BASE_PORT + 3;
export const SUBFOLDER_PORT = BASE_PORT + 4;
/** Taken by the progress test's own switchable server (an essay renamed between builds). */
export const RENAME_PORT = BASE_PORT + 5;
/** Taken by the partial-save test's own server (one essay body missing on the host). */
export const PARTIAL_PORT = BASE_PORT + 6;
/** Taken by the second offline update test (accepting the new deploy). */
export const UPDATE_ACCEPT_PORT = BASE_PORT + 7;
/** A real Jekyll archive (tests/fixtures/corpora/jekyll-nullprogram), built as it is. */
export const JEKYLL_PORT = BASE_PORT + 8;
/** An Obsidian vault of our own (tests/fixtures/generators/obsidian). */
export const VAULT_PORT = BASE_PORT + 9;
/** Taken by the highlights test's own switchable server (an essay edited between builds). */
export const EDITED_PORT = BASE_PORT + 10;
/** Taken by the retitled-essay highlights test's own switchable server. */
export const RETITLED_PORT = BASE_PORT + 11;
/** Taken by the offline test of a deploy that changes an image (its own switchable server). */
export const VAULT_UPDATE_PORT = BASE_PORT + 12;
/** Essays written with HTML, callouts, MDX and a wide image (tests/fixtures/markup). */
export const MARKUP_PORT = BASE_PORT + 13;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same app built from the XSS corpus, tests/corpora/xss.ts (`npm run build:fixtures`).
      command: `npx vite preview --host 127.0.0.1 --port ${HOSTILE_PORT} --strictPort --outDir dist-fixtures/hostile`,
      url: `http://127.0.0.1:${HOSTILE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A synthetic archive of 200 essays (`npm run build:fixtures`), for tests of scale.
      command: `npx vite preview --host 127.0.0.1 --port ${LARGE_PORT} --strictPort --outDir dist-fixtures/large`,
      url: `http://127.0.0.1:${LARGE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The sample essays published under a base path (`npm run build:fixtures`).
      command: `npx vite preview --host 127.0.0.1 --port ${SUBFOLDER_PORT} --strictPort --outDir dist-fixtures/subfolder --base /library/`,
      url: `http://127.0.0.1:${SUBFOLDER_PORT}/library/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    ...[
      [JEKYLL_PORT, 'jekyll'],
      [VAULT_PORT, 'vault'],
      [MARKUP_PORT, 'markup'],
    ].map(([port, folder]) => ({
      // Real archives as their generators keep them (`npm run build:fixtures`).
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir dist-fixtures/${folder}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    })),
  ],
});
