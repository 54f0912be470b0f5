import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/corpusLib';
import type { SearchManifest } from '../../src/domain/searchShards';
import { createArchiveEmitter } from '../../src/pipeline/emit/archive';
import { devPipeline } from '../../src/pipeline/vite/devPipeline';
import { devSearchEmitter } from '../../src/pipeline/emit/devSearch';
import { essayDataEmitter } from '../../src/pipeline/emit/emitter';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run';

/**
 * The pipeline under `vite dev` (src/pipeline/vite/devPipeline.ts): after any edits it gives the
 * very files a full build of the same folder gives, and it reads only what changed.
 */
const ANCHOR = '2026-11-24';
const files = (r: PipelineResult) => new Map(r.outputs.map((o) => [o.fileName, o.source]));
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the dev pipeline', () => {
  it('an edit to the updated date or language alone gives the body file a full build gives', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dev-pipeline-'));
    const file = path.join(dir, 'tides.md');
    const essay = (front: string) =>
      `---\ntitle: "tides"\ndate: 2026-11-20\nthread_id: thread_1\nprimary_theme: sea\n${front}---\n\nA body.\n`;
    writeFileSync(file, essay('lastmod: 2026-11-21\n'));
    const pipeline = devPipeline(dir, { anchorDate: ANCHOR });
    await pipeline.run();
    for (const front of ['lastmod: 2026-11-22\n', 'lastmod: 2026-11-22\nlang: fr\n']) {
      writeFileSync(file, essay(front));
      pipeline.changed(file);
      expect(files(await pipeline.run())).toEqual(
        files(await runPipeline(dir, { anchorDate: ANCHOR })),
      );
    }
  });

  it('gives what a full build gives after edits, additions and removals, reading only those files', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dev-pipeline-'));
    const names = writeCorpus({ count: 60, out: dir }).map((n) => path.join(dir, path.basename(n)));
    const reads: string[] = [];
    const pipeline = devPipeline(dir, {
      anchorDate: ANCHOR,
      readBytes: (file) => (reads.push(file), readFile(file)),
    });
    expect(files(await pipeline.run())).toEqual(
      files(await runPipeline(dir, { anchorDate: ANCHOR })),
    );
    expect(reads).toHaveLength(60);

    // An edited body, a retitled essay, a new one, a removed one.
    reads.length = 0;
    const [edited, retitled, removed] = [names[3]!, names[10]!, names[20]!];
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nA new closing line about tides.\n`);
    writeFileSync(
      retitled,
      readFileSync(retitled, 'utf8').replace(/^title: .*$/m, 'title: "a brand new title"'),
    );
    const added = path.join(dir, '900_00000000000000ff.txt');
    writeFileSync(
      added,
      '---\ntitle: "an essay added while the server ran"\ndate: 2026-11-20\nthread_id: thread_900\nprimary_theme: cities_transit\ntags: ["buses"]\n---\n\nA body.\n',
    );
    unlinkSync(removed);
    for (const f of [edited, retitled, added, removed]) pipeline.changed(f);
    const after = await pipeline.run();
    expect(reads.sort()).toEqual([edited, retitled, added].sort());
    expect(files(after)).toEqual(files(await runPipeline(dir, { anchorDate: ANCHOR })));
    expect(after.essays.map((e) => e.title)).toContain('a brand new title');
    const search = [...files(after).values()].join('');
    expect(search).toContain('tides');

    // A change reported but not made changes nothing; nothing reported is read again.
    reads.length = 0;
    expect(files(await pipeline.run())).toEqual(files(after));
    expect(reads).toEqual([]);
  });

  it('reports a file broken during the session, then builds again once it is mended', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dev-pipeline-'));
    const names = writeCorpus({ count: 5, out: dir }).map((n) => path.join(dir, path.basename(n)));
    const pipeline = devPipeline(dir, { anchorDate: ANCHOR });
    expect((await pipeline.run()).ok).toBe(true);
    const good = readFileSync(names[0]!, 'utf8');
    writeFileSync(names[0]!, good.replace(/^date: .*$/m, 'date: "not a date"'));
    pipeline.changed(names[0]!);
    const broken = await pipeline.run();
    expect(broken.ok).toBe(false);
    expect(broken.problems.some((p) => p.file === path.basename(names[0]!))).toBe(true);
    writeFileSync(names[0]!, good);
    pipeline.changed(names[0]!);
    expect((await pipeline.run()).ok).toBe(true);
  });
});

describe('the search index under vite dev', () => {
  it('is built on request, with the very shards a build writes', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dev-search-'));
    writeCorpus({ count: 40, out: dir });
    const search = devSearchEmitter();
    const pipeline = devPipeline(dir, {
      anchorDate: ANCHOR,
      emitters: [essayDataEmitter, search, createArchiveEmitter({ packs: false })],
    });
    const dev = files(await pipeline.run());
    const built = files(await runPipeline(dir, { anchorDate: ANCHOR }));
    const manifestName = [...dev.keys()].find((f) => f.startsWith('data/search.'))!;
    const manifest = JSON.parse(dev.get(manifestName)!) as SearchManifest;
    const builtManifest = [...built.keys()].find((f) => f.startsWith('data/search.'))!;
    expect(manifest).toEqual(JSON.parse(built.get(builtManifest)!));
    const shards = [...manifest.words.map((w) => w.file), ...manifest.postingsFiles];
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) expect(search.file(shard)?.source).toBe(built.get(shard));
    // Only search files are answered, and a new run names a new manifest.
    expect(search.file('data/index.0123456789.json')).toBeUndefined();
    const again = files(await pipeline.run());
    expect([...again.keys()].find((f) => f.startsWith('data/search.'))).not.toBe(manifestName);
  });
});
