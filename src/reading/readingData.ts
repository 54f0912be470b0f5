import type { EssaySlug } from '../domain/essay';
import { absoluteUrl } from '../domain/site';
import { isRecord } from '../lib/storage';
import {
  loadProgress,
  mergeProgress,
  parseProgressEntries,
  type ProgressMap,
} from '../lib/progress';
import { loadSettings, parseSettings, saveSettings, type ReadingSettings } from '../lib/settings';
import { paths } from '../paths';
import { allAnnotations, mergeAnnotations, parseAnnotation, type Annotation } from './annotations';

/**
 * Everything the app keeps about a reader, out and back in: highlights and notes, read
 * marks and progress, settings. JSON for moving to another browser (merged there, never
 * duplicated); Markdown of the highlights for Obsidian and Readwise. An import that is not
 * this app's file, or is damaged, is refused whole with the reason, and changes nothing.
 */

export const READING_DATA_FORMAT = 'essays-reading-data';

export interface ReadingData {
  format: typeof READING_DATA_FORMAT;
  version: 1;
  exportedAt: string;
  annotations: Annotation[];
  progress: ProgressMap;
  settings: ReadingSettings;
}

export async function exportReadingData(now = new Date()): Promise<ReadingData> {
  return {
    format: READING_DATA_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    annotations: await allAnnotations(),
    progress: loadProgress(),
    settings: loadSettings(),
  };
}

/**
 * The highlights as Markdown, one section per essay, each quote a blockquote with its note
 * below: the shape Obsidian shows as is and Readwise's Markdown import reads.
 */
export function highlightsMarkdown(
  annotations: readonly Annotation[],
  site: { name: string; url: string | null },
): string {
  const byEssay = new Map<string, Annotation[]>();
  for (const a of annotations) byEssay.set(a.threadId, [...(byEssay.get(a.threadId) ?? []), a]);
  const lines = [`# Highlights from ${site.name}`, ''];
  for (const list of byEssay.values()) {
    const first = list[0]!;
    const path = paths.essay.build(first.slug as EssaySlug);
    lines.push(`## ${first.title}`, '');
    lines.push(`- Source: ${site.url ? absoluteUrl({ url: site.url }, path) : path}`);
    if (first.tags.length > 0)
      lines.push(`- Tags: ${first.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' ')}`);
    lines.push('');
    for (const a of [...list].sort((x, y) => x.anchor.start - y.anchor.start)) {
      lines.push(...a.anchor.exact.split('\n').map((l) => `> ${l}`), '');
      if (a.note) lines.push(a.note, '');
    }
  }
  return lines.join('\n');
}

export interface ImportResult {
  ok: boolean;
  message: string;
}

/** Reads an exported file and merges it in; on any doubt, changes nothing. */
export async function importReadingData(text: string): Promise<ImportResult> {
  const refuse = (why: string): ImportResult => ({
    ok: false,
    message: `${why} Nothing was changed.`,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('This file is not JSON, so it is not reading data exported from here.');
  }
  if (!isRecord(raw) || raw.format !== READING_DATA_FORMAT)
    return refuse('This file is JSON, but not reading data exported from this library.');
  if (raw.version !== 1)
    return refuse(
      `This file was made by a newer version of the app (version ${String(raw.version)}).`,
    );
  if (!Array.isArray(raw.annotations) || !isRecord(raw.progress) || !isRecord(raw.settings))
    return refuse('This file is damaged: a part of it is missing.');
  const annotations = raw.annotations.map(parseAnnotation);
  const broken = annotations.filter((a) => a === null).length;
  if (broken > 0)
    return refuse(`This file is damaged: ${broken} of its highlights cannot be read.`);
  const settings = parseSettings(raw.settings);
  if (!settings) return refuse('This file is damaged: its settings cannot be read.');
  const progress = parseProgressEntries(raw.progress);

  const added = await mergeAnnotations(annotations as Annotation[]);
  const essays = mergeProgress(progress);
  saveSettings(settings);
  const n = annotations.length;
  return {
    ok: true,
    message:
      `Imported ${n} highlight${n === 1 ? '' : 's'} (${added} new), ` +
      `progress for ${essays} essay${essays === 1 ? '' : 's'}, and your settings.`,
  };
}

/** Offers `text` as a file download, named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
