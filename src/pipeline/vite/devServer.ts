import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import type { OutputFile } from '../emit/context.ts';
import type { DevSearch } from '../emit/devSearch.ts';
import { ESSAY_EXTENSIONS } from '../read/load.ts';
import { formatReport } from '../problems.ts';
import type { PipelineResult } from '../run.ts';
import type { DevPipeline } from './devPipeline.ts';
import { serialRunner } from './serialRunner.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.pack': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DevServing {
  dir: string;
  pipeline: DevPipeline;
  search: DevSearch;
  /** Runs the pipeline again and makes its result the one served. */
  rebuild(): Promise<PipelineResult>;
  /** The latest run's result (the first is the plugin's buildStart). */
  current(): PipelineResult | null;
  /** The virtual module that names the data files, to invalidate after a rebuild. */
  virtualModuleId: string;
}

/**
 * `vite dev`: watches the essays folder, runs the pipeline again on every change (one at a
 * time, serialRunner) and serves the latest run's files and images from memory; the open
 * page reloads with the new text, or shows the problems.
 */
export function serveEssaysInDev(server: ViteDevServer, serving: DevServing): void {
  const { dir, pipeline, search } = serving;
  let filesOf: { result: PipelineResult; files: Map<string, OutputFile> } | null = null;
  const filesOfCurrent = (result: PipelineResult) => {
    if (filesOf?.result !== result)
      filesOf = { result, files: new Map(result.outputs.map((o) => [o.fileName, o])) };
    return filesOf.files;
  };
  const isEssayFile = (file: string) =>
    file.startsWith(dir + path.sep) &&
    ESSAY_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext));

  async function rebuild(): Promise<void> {
    const started = performance.now();
    const next = await serving.rebuild();
    const mod = server.moduleGraph.getModuleById(serving.virtualModuleId);
    if (mod) server.moduleGraph.invalidateModule(mod);
    if (!next.ok) {
      const report = formatReport(next.problems);
      server.config.logger.error(report);
      server.ws.send({ type: 'error', err: { message: report, stack: '' } });
      return;
    }
    server.config.logger.info(
      `essays: ${next.essays.length} rebuilt from ${dir} in ${Math.round(performance.now() - started)} ms`,
    );
    server.ws.send({ type: 'full-reload' });
  }

  server.watcher.add(dir);
  const rebuildOnce = serialRunner(rebuild, (e) => {
    const message = `essays: the rebuild failed: ${e instanceof Error ? e.message : String(e)}`;
    server.config.logger.error(message);
    server.ws.send({ type: 'error', err: { message, stack: '' } });
  });
  const onChange = (file: string) => {
    if (!isEssayFile(path.resolve(file))) return;
    pipeline.changed(file);
    void rebuildOnce();
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);

  server.middlewares.use((req, res, next) => {
    const base = server.config.base;
    const url = (req.url ?? '').split('?')[0]!;
    const name = url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : '';
    const current = serving.current();
    if (!current) return next();
    const image = current.media.find((m) => m.fileName === name);
    if (image) {
      res.setHeader('Cache-Control', 'no-cache');
      if (image.fileName.endsWith('.svg')) res.setHeader('Content-Type', 'image/svg+xml');
      res.end(image.data ?? readFileSync(image.from));
      return;
    }
    const file = filesOfCurrent(current).get(name) ?? search.file(name);
    if (!file) return next();
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(file.source);
  });
}
