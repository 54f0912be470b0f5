import type { Plugin } from 'vite';
import { APP_SCRIPT_META } from '../../firstPaint.ts';

/**
 * Builds only: the app's module script is named in `<meta name="app-script">` instead of a
 * `<script>` tag, and public/boot-settings.js starts it once the page has painted. Every
 * page is prerendered HTML, readable before any script runs; with the tag in <head> the
 * browser fetched 115 KB of script alongside the stylesheet, and on a slow phone connection
 * the first paint waited for bandwidth it did not need (Lighthouse mobile LCP 1.7 s).
 * See docs/decisions/0010.
 */

export function appScriptPlugin(): Plugin {
  return {
    name: 'app-script-after-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
        const found = tag.exec(html);
        if (!found) throw new Error('index.html has no module script for the app to defer');
        return html.replace(tag, `<meta name="${APP_SCRIPT_META}" content="${found[1]}" />`);
      },
    },
  };
}
