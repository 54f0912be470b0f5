import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { loadHtmlRenderer, loadMarkdownRenderer } from './components/EssayBody';
import { provideFiles } from './data/essays';
import { basename, routes } from './router';

/**
 * The app rendered to HTML at build time (src/pipeline/vite/prerender.ts). The same routes
 * and loaders as in the browser, fed from the pipeline's output files instead of the network.
 * No hydration data is embedded (it would need an inline script, which the CSP forbids): the
 * browser runs the same loaders on the same small files before it hydrates.
 */
export { provideFiles };

/** Files kept parsed: the manifest, terms, facets, buckets and chunks many pages share. */
const KEEP_PARSED = 4096;

/**
 * Feeds the loaders from the built site's data folder, reading each file when a page asks
 * for it: a thread holds what its pages need, not the whole archive (100,000 essays' pages
 * and bodies are over a gigabyte parsed).
 */
export function readFilesFrom(outDir: string): void {
  const parsed = new Map<string, unknown>();
  provideFiles((fileName) => {
    if (parsed.has(fileName)) return parsed.get(fileName);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path.join(outDir, fileName), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    parsed.set(fileName, value);
    if (parsed.size > KEEP_PARSED) parsed.delete(parsed.keys().next().value!);
    return value;
  });
}

const handler = createStaticHandler(routes, { basename });

export async function render(path: string): Promise<{ html: string; status: number }> {
  // Every page is rendered from markdown here; the browser adopts the result.
  await Promise.all([loadMarkdownRenderer(), loadHtmlRenderer()]);
  const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')));
  if (context instanceof Response) throw new Error(`${path} answered with a redirect`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <StrictMode>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </StrictMode>,
  );
  // A page that failed to build must fail the build, not ship as an error screen.
  const failed = router.state.errors ? Object.values(router.state.errors)[0] : null;
  if (failed && !(context.statusCode === 404))
    throw new Error(
      `${path} did not render: ${failed instanceof Error ? (failed.stack ?? failed.message) : JSON.stringify(failed)}`,
    );
  return { html, status: context.statusCode };
}
