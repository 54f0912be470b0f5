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

/**
 * The list's filters fold behind their summary on a phone (the prerendered default) and open
 * beside the list from this width on: boot-settings.js opens them before the first paint,
 * and the app keeps them so (src/routes/browseView.tsx). Matches styles.css's wide layout.
 */
export const WIDE_LAYOUT = '(min-width: 60rem)';

/** The `<details>` holding the list's filters. */
export const FILTERS_DISCLOSURE = 'filters-disclosure';
