// One prerendering thread (see prerenderPlugin.ts): loads the app built for Node, reads the
// built site's data files as its pages need them, renders the batches of pages it is sent
// and posts their HTML back.
// Plain JavaScript because Node runs it as it stands, outside Vite's bundling of the config.
import { parentPort, workerData } from 'node:worker_threads';

const entry = await import(workerData.entryUrl);
entry.readFilesFrom(workerData.outDir);

parentPort.on('message', async (batch) => {
  if (batch === null) return parentPort.close();
  const pages = [];
  for (const job of batch) {
    try {
      pages.push({ id: job.id, html: (await entry.render(job.path)).html });
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      return parentPort.postMessage({ failed: { id: job.id, error } });
    }
  }
  parentPort.postMessage({ pages });
});
parentPort.postMessage({ ready: true });
