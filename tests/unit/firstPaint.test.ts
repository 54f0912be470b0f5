import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_SCRIPT_META,
  FILTERS_DISCLOSURE,
  PRERENDERED_ATTR,
  ROOT_ID,
  WIDE_LAYOUT,
} from '../../src/firstPaint';
import { pageHtml } from '../../src/pipeline/vite/prerender';

// public/boot-settings.js is a plain script served as it is: it cannot import the names it
// shares with the build and the app, so this checks it spells the very same ones.
const boot = readFileSync('public/boot-settings.js', 'utf8');
const shell = readFileSync('index.html', 'utf8');

describe('the first-paint handshake (src/firstPaint.ts)', () => {
  it('boot-settings.js finds the app script by the meta name the build writes', () => {
    expect(boot).toContain(`document.querySelector('meta[name="${APP_SCRIPT_META}"]')`);
  });

  it('boot-settings.js waits for a paint only on a page the build prerendered', () => {
    expect(boot).toContain(`document.getElementById('${ROOT_ID}')`);
    expect(boot).toContain(`root.hasAttribute('${PRERENDERED_ATTR}')`);
  });

  it('boot-settings.js opens the list’s filters at the app’s wide layout, and styles.css agrees', () => {
    expect(boot).toContain(`window.matchMedia('${WIDE_LAYOUT}')`);
    expect(boot).toContain(`document.querySelectorAll('details.${FILTERS_DISCLOSURE}')`);
    expect(readFileSync('src/styles.css', 'utf8')).toContain(`@media ${WIDE_LAYOUT} {`);
  });

  it('the prerenderer fills the very root index.html has', () => {
    expect(shell).toContain(`<div id="${ROOT_ID}"></div>`);
    const page = pageHtml(shell, '<main>text</main>', '/essays/x');
    expect(page).toContain(
      `<div id="${ROOT_ID}" ${PRERENDERED_ATTR}="/essays/x"><main>text</main>`,
    );
  });
});
