// One prerendering thread of the pool (prerender.ts, tinypool): loads the app built for
// Node once, reads the built site's data files as its pages need them, and renders each batch
// of pages it is given. Plain JavaScript because Node runs it as it stands, outside Vite's
// bundling of the config.
let entry = null;

async function load({ entryUrl, outDir }) {
  const loaded = await import(entryUrl);
  loaded.readFilesFrom(outDir);
  return loaded;
}

/** @param {{ setup: { entryUrl: string, outDir: string }, jobs: { id: number, path: string }[] }} task */
export default async function renderBatch({ setup, jobs }) {
  entry ??= load(setup);
  const app = await entry;
  const pages = [];
  for (const job of jobs) {
    try {
      pages.push({ id: job.id, html: (await app.render(job.path)).html });
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      throw new Error(`${job.path} did not render: ${error}`);
    }
  }
  return pages;
}
