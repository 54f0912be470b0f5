import { HOSTILE_PORT } from '../../playwright.config';
import { expect, test } from './fixtures';

/** The site built from tests/fixtures/hostile-essays: nothing in an essay may run. */
test.use({ baseURL: `http://127.0.0.1:${HOSTILE_PORT}` });

test('hostile markup in bodies and front matter renders inert in the reader and the list', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/essays/hostile-markup-in-a-body');
  await expect(page.locator('.prose')).toContainText('The text around all of this still reads.');
  await expect(page.locator('.prose')).toContainText('raw anchor');
  // Every link left in the body is http(s), a fragment or has no href at all.
  const hrefs = await page
    .locator('.prose a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) expect(href ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
  await expect(
    page.locator('.prose script, .prose iframe, .prose svg, .prose [onerror], .prose [onload]'),
  ).toHaveCount(0);
  for (const link of await page.locator('.prose a').all())
    await link.click({ trial: false, force: true }).catch(() => {});
  await page.goto('/');
  await expect(page.getByRole('link', { name: /a title holding html/ })).toBeVisible();
  await page.getByText('bold tag').first().hover();
  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});

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
