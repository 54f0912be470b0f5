/**
 * Renders the app icons (PNG, for the web app manifest) from public/favicon.svg with the
 * system Chromium: `npx tsx scripts/make-icons.ts`. The PNGs are committed; run this only
 * when the SVG changes.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [size, maskable] of [
  [192, false],
  [512, false],
  [512, true],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // A maskable icon keeps its drawing inside the central 80% safe zone on a full-bleed colour.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${maskable ? '#7a3e1d' : 'transparent'}">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({
    path: `public/icons/icon-${size}${maskable ? '-maskable' : ''}.png`,
    omitBackground: !maskable,
  });
  await page.close();
}
await browser.close();
console.log('wrote public/icons/*.png');
