import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Accessibility on every kind of page: axe finds nothing in the light and the dark theme,
 * nothing scrolls sideways at 320 px, a keyboard alone gets from search to reading the next
 * essay with focus always visible, and reduced motion switches motion off.
 */

const ROUTES: [string, string][] = [
  ['list', '/'],
  ['filtered list', '/?tag=pedagogy&sort=oldest'],
  ['no results list', '/?tag=parking&tag=pedagogy'],
  ['tags', '/tags'],
  ['tag', '/tags/pedagogy'],
  ['themes', '/themes'],
  ['theme', '/themes/cities_transit'],
  ['essay', '/essays/notes-on-keeping-a-reading-group-alive'],
  ['search', '/search?q=reading'],
  ['search, no results', '/search?q=lxnudrmoat'],
  ['missing page', '/no/such/place'],
  ['missing essay', '/essays/no-such-essay'],
];

async function settled(page: Page) {
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Relative luminance (WCAG) of the page's background and of its body text, 0 to 1. */
async function pageColours(page: Page): Promise<{ page: number; text: number }> {
  return page.evaluate(() => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const opaque = (colour: string) => colour !== 'transparent' && rgb(colour)[3] !== 0;
    const body = getComputedStyle(document.body);
    const ground = opaque(body.backgroundColor)
      ? body.backgroundColor
      : getComputedStyle(document.documentElement).backgroundColor;
    return { page: luminance(ground), text: luminance(body.color) };
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, url] of ROUTES) {
      test(`${name} (${url}): no axe violations`, async ({ page }) => {
        await page.goto(url);
        await settled(page);
        // The page really is in this scheme: dark text on a light page, or light on dark.
        const { page: ground, text } = await pageColours(page);
        if (scheme === 'dark') {
          expect(ground).toBeLessThan(0.1);
          expect(text).toBeGreaterThan(0.5);
        } else {
          expect(ground).toBeGreaterThan(0.8);
          expect(text).toBeLessThan(0.2);
        }
        await expectNoAxeViolations(page);
      });
    }
  });
}

// A few pages to a test, so each stays short on a busy machine.
for (let from = 0; from < ROUTES.length; from += 4) {
  const group = ROUTES.slice(from, from + 4);
  test(`no page scrolls sideways at 320 px: ${group.map(([name]) => name).join(', ')}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const [name, url] of group) {
      await page.goto(url);
      await settled(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
  });
}

/** The focused element, and whether it shows a focus ring a sighted keyboard user can see. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', label: '', visible: false };
    const style = getComputedStyle(el);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 60),
      // A checkbox's name is its label's text.
      label: (el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? '').trim(),
      visible: ring,
    };
  });
}

async function tabUntil(
  page: Page,
  matches: (s: { tag: string; text: string; label: string }) => boolean,
) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    expect(state.visible, `focus ring on <${state.tag}> "${state.text}"`).toBe(true);
    if (matches(state)) return state;
  }
  throw new Error('the element was never reached with Tab');
}

test('keyboard only: filter, search, open, read, next essay, back', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  // Filter: Tab to the "pedagogy" tag in the filter panel and tick it with Space.
  await tabUntil(page, (s) => s.tag === 'input' && /pedagogy/i.test(s.text + s.label));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/tag=pedagogy/);
  // Search: "/" focuses the box from anywhere.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search essays' })).toBeFocused();
  await page.keyboard.type('reading group');
  await expect(page).toHaveURL(/\/search\?q=reading\+group/);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  // Open: Tab from the box to the first result and follow it.
  await tabUntil(page, (s) => s.tag === 'a' && /reading group/i.test(s.text));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/essays\//);
  const first = page.url();
  await expect(page.locator('.prose')).toBeVisible();
  // Read: the keyboard scrolls the page.
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
  // Next essay with "j", then Esc back to the results the reader came from.
  await page.keyboard.press('j');
  await expect.poll(() => page.url()).not.toBe(first);
  await expect(page.locator('.prose')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/search\?q=reading\+group/);
  await expect(page.locator('.search-hit').first()).toBeVisible();
});

/**
 * The app has no motion of its own today; what is tested is the guarantee that any motion
 * (a transition, an animation, smooth scrolling) is switched off for readers who ask. A probe
 * element is given all three; only the stylesheet's reduced-motion rule can take them away.
 */
async function probeMotion(page: Page) {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.transition = 'opacity 1s';
    probe.style.animation = 'probe 1s infinite';
    probe.style.scrollBehavior = 'smooth';
    document.body.append(probe);
    const s = getComputedStyle(probe);
    const result = {
      transition: s.transitionDuration,
      animation: s.animationName,
      scroll: s.scrollBehavior,
    };
    probe.remove();
    return result;
  });
}

for (const motion of ['reduce', 'no-preference'] as const) {
  test.describe(`prefers-reduced-motion: ${motion}`, () => {
    test.use({ reducedMotion: motion });
    test(motion === 'reduce' ? 'switches motion off' : 'leaves motion alone', async ({ page }) => {
      await page.goto('/essays/notes-on-keeping-a-reading-group-alive');
      await expect(page.locator('.prose')).toBeVisible();
      expect(await probeMotion(page)).toEqual(
        motion === 'reduce'
          ? { transition: '0s', animation: 'none', scroll: 'auto' }
          : { transition: '1s', animation: 'probe', scroll: 'smooth' },
      );
    });
  });
}
