import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { ESSAY, openEssay } from './support/highlights';

/**
 * Read aloud. Headless Chromium has no speech engine, so the page's `speechSynthesis` is a
 * stand-in installed before the app loads: it records each utterance (text, rate, voice) and
 * holds it "speaking" until the test ends it, as a real engine would after saying it.
 */

declare global {
  interface Window {
    spoken: { text: string; rate: number; voice: string | null }[];
    finishUtterance: () => void;
    ttsPaused: boolean;
  }
}

async function installSpeech(page: Page, voices: { name: string; lang: string }[]) {
  await page.addInitScript((list) => {
    let current: SpeechSynthesisUtterance | null = null;
    window.spoken = [];
    window.ttsPaused = false;
    const fakeVoices = list.map((v) => ({
      ...v,
      localService: true,
      default: false,
      voiceURI: v.name,
    }));
    class Utterance extends EventTarget {
      text: string;
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      onstart: (() => void) | null = null;
      onend: (() => void) | null = null;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => fakeVoices,
      speak(u: Utterance) {
        current = u as unknown as SpeechSynthesisUtterance;
        window.spoken.push({ text: u.text, rate: u.rate, voice: u.voice?.name ?? null });
        setTimeout(() => u.onstart?.(), 0);
      },
      cancel() {
        current = null;
      },
      pause() {
        window.ttsPaused = true;
      },
      resume() {
        window.ttsPaused = false;
      },
    });
    window.finishUtterance = () => {
      const u = current as unknown as Utterance | null;
      current = null;
      u?.onend?.();
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: Utterance,
      configurable: true,
    });
  }, voices);
}

const marked = (page: Page) =>
  page.evaluate(() =>
    [...((CSS.highlights.get('speaking') as Highlight | undefined) ?? [])].map((r) =>
      (r as Range).toString(),
    ),
  );
const spoken = (page: Page) => page.evaluate(() => window.spoken);

test('reads the essay sentence by sentence, marking each; pause, speed and voice work', async ({
  page,
}) => {
  await installSpeech(page, [
    { name: 'Ada', lang: 'en-GB' },
    { name: 'Bea', lang: 'en-US' },
  ]);
  await openEssay(page, ESSAY);
  const first = await page.locator('.prose p').first().innerText();
  await page.getByRole('button', { name: 'Read aloud' }).click();
  const player = page.getByRole('group', { name: 'Read aloud' });
  await player.getByRole('button', { name: 'Play' }).click();

  await expect.poll(() => spoken(page)).toHaveLength(1);
  const [one] = await spoken(page);
  expect(first.startsWith(one!.text)).toBe(true);
  expect(one!.text).toMatch(/^Everyone who has taken an introductory course/);
  await expect.poll(() => marked(page)).toEqual([one!.text]);

  await player.getByLabel('Speed').selectOption('1.5');
  await player.getByLabel('Voice').selectOption('Bea');
  await page.evaluate(() => window.finishUtterance());
  await expect.poll(() => spoken(page)).toHaveLength(2);
  const two = (await spoken(page))[1]!;
  expect(two).toMatchObject({ rate: 1.5, voice: 'Bea' });
  expect(first).toContain(two.text);
  await expect.poll(() => marked(page)).toEqual([two.text]);

  await player.getByRole('button', { name: 'Pause' }).click();
  expect(await page.evaluate(() => window.ttsPaused)).toBe(true);
  await player.getByRole('button', { name: 'Resume' }).click();
  expect(await page.evaluate(() => window.ttsPaused)).toBe(false);
  await player.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => marked(page)).toEqual([]);
  await expectNoAxeViolations(page);
});

test('goes on to the next essay when asked', async ({ page }) => {
  await installSpeech(page, [{ name: 'Ada', lang: 'en-GB' }]);
  // The newest essay: in the archive's order, an older one comes next.
  await page.goto('/');
  const newest = await page.locator('.essay-card-title a').first().getAttribute('href');
  await openEssay(page, newest!);
  const from = page.url();
  await page.getByRole('button', { name: 'Read aloud' }).click();
  const player = page.getByRole('group', { name: 'Read aloud' });
  const goOn = player.locator('label', { hasText: 'Go on to' });
  const nextTitle = (await goOn.textContent())?.match(/“(.+)”/)?.[1];
  expect(nextTitle).toBeTruthy();
  await goOn.getByRole('checkbox').check();
  await player.getByRole('button', { name: 'Play' }).click();
  // Say every sentence, one after another, until the reader moves on.
  await page.evaluate(async (start) => {
    for (let i = 0; i < 2000 && location.href === start; i++) {
      window.finishUtterance();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, from);
  await expect(page).not.toHaveURL(from);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle!);
  await expect(page.getByRole('group', { name: 'Read aloud' })).toBeVisible();
  await expect.poll(async () => (await spoken(page)).at(-1)?.text ?? '').toMatch(/\w/);
});

test('says plainly when the browser has no voices', async ({ page }) => {
  await installSpeech(page, []);
  await openEssay(page, ESSAY);
  await page.getByRole('button', { name: 'Read aloud' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'no voices' })).toContainText(
    'This browser has no voices to read aloud with.',
  );
});
