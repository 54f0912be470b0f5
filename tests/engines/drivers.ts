import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The browsers other than Chromium that readers use, driven the way their makers support:
 * Firefox ESR over WebDriver BiDi (puppeteer-core, no browser download), and WebKitGTK's
 * MiniBrowser over classic WebDriver (WebKitWebDriver, under Xvfb). Both behind one small
 * interface, so one smoke suite runs in each (tests/engines/smoke.test.ts).
 */
export interface EngineDriver {
  goto(url: string): Promise<void>;
  /** Runs an async function body in the page and returns its JSON-able result. */
  evaluate<T>(body: string): Promise<T>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';
/** A laptop's window: the list shows its filters beside the essays. */
const VIEWPORT = { width: 1280, height: 900 };

/** Whether this machine has the engine; `.ci/run` installs both (firefox-esr, webkit2gtk-driver, xvfb). */
export const engines = {
  firefox: existsSync(FIREFOX),
  webkit: existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER) && existsSync(XVFB_RUN),
};

export async function launchFirefox(): Promise<EngineDriver> {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'firefox-profile-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      // Nothing phones home from a test machine with no network.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
    },
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: <T>(body: string) => page.evaluate(`(async () => { ${body} })()`) as Promise<T>,
    click: (selector) => page.locator(selector).click(),
    async type(selector, text) {
      await page.locator(selector).click();
      await page.keyboard.type(text, { delay: 30 });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A classic WebDriver session on WebKitWebDriver (W3C WebDriver, plain HTTP). */
export async function launchWebKit(): Promise<EngineDriver> {
  const port = await freePort();
  const driver: ChildProcess = spawn(
    XVFB_RUN,
    ['--auto-servernum', '--server-args=-screen 0 1400x1000x24', WEBKIT_DRIVER, `--port=${port}`],
    { stdio: 'ignore', detached: true },
  );
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(base + route, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as { value: unknown };
    if (!response.ok)
      throw new Error(`WebDriver ${method} ${route}: ${JSON.stringify(json.value).slice(0, 500)}`);
    return json.value;
  };
  // The driver listens once it has started: poll its status (a condition, not a sleep).
  for (let tries = 0; ; tries++) {
    try {
      const status = (await call('GET', '/status')) as { ready?: boolean };
      if (status.ready !== false) break;
    } catch (e) {
      if (tries > 200) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const session = (await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        timeouts: { script: 20_000, pageLoad: 30_000, implicit: 0 },
      },
    },
  })) as { sessionId: string };
  const s = `/session/${session.sessionId}`;
  await call('POST', `${s}/window/rect`, VIEWPORT);
  const element = async (selector: string) => {
    const found = (await call('POST', `${s}/element`, {
      using: 'css selector',
      value: selector,
    })) as Record<string, string>;
    return Object.values(found)[0]!;
  };
  return {
    async goto(url) {
      await call('POST', `${s}/url`, { url });
    },
    // A returned promise is awaited by the driver (W3C Execute Script).
    evaluate: async (body) =>
      (await call('POST', `${s}/execute/sync`, {
        script: `return (async () => { ${body} })();`,
        args: [],
      })) as never,
    async click(selector) {
      await call('POST', `${s}/element/${await element(selector)}/click`, {});
    },
    async type(selector, text) {
      const id = await element(selector);
      await call('POST', `${s}/element/${id}/click`, {});
      for (const ch of text) await call('POST', `${s}/element/${id}/value`, { text: ch });
    },
    async reload() {
      await call('POST', `${s}/refresh`, {});
    },
    async close() {
      try {
        await call('DELETE', s);
      } finally {
        if (driver.pid) process.kill(-driver.pid, 'SIGTERM');
      }
    },
  };
}
