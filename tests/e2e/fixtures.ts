import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/**
 * Shared test setup: every page error or console error fails the test, so a blank page or a
 * React warning cannot pass silently.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  /**
   * Prerendered pages show their content before the app has taken over; a reader's key
   * pressed in that moment does nothing. Tests act like a reader who waits for the page to
   * be ready: after every load, until the app has marked <html> as rendered.
   */
  page: async ({ page, javaScriptEnabled }, provide) => {
    const ready = async () => {
      if (javaScriptEnabled === false) return;
      await page.locator('html[data-render]').waitFor({ state: 'attached', timeout: 15_000 });
    };
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      if (response?.headers()['content-type']?.includes('text/html')) await ready();
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await ready();
      return response;
    };
    await provide(page);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}
