/**
 * The first-paint handshake, in one place (docs/decisions/0010-first-paint-before-the-app.md).
 * Three parties share these names: the build (src/pipeline/vite/appScript.ts and
 * prerender.ts), public/boot-settings.js (plain script, so it spells them out; a unit test
 * checks it uses these very names), and the app (src/main.tsx, src/hooks/useRenderedMark.ts).
 */

/** `<meta name>` in which the build names the app's script; boot-settings.js starts it. */
export const APP_SCRIPT_META = 'app-script';

/** The element the app renders into. */
export const ROOT_ID = 'root';

/** On the root: the URL a prerendered page was built for (only that URL hydrates). */
export const PRERENDERED_ATTR = 'data-prerendered';

/** On `<html>`: how the app started, `hydrate` or `client` (set before the first render). */
export const RENDER_MODE_ATTR = 'data-render-mode';

/** On `<html>` once the page is committed and its handlers attached; tests wait for it. */
export const RENDERED_ATTR = 'data-render';
