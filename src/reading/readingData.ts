import type { EssaySlug } from '../domain/essay';
import { absoluteUrl } from '../domain/site';
import { isRecord } from '../lib/storage';
import {
  loadProgress,
  MAX_ENTRIES,
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
      lines.push(...a.anchor.exact.split('\n').map((l) => `> ${asProse(l)}`), '');
      if (a.note) lines.push(...a.note.split('\n').map(asProse), '');
    }
  }
  return lines.join('\n');
}

/**
 * One line of a reader's own words, so that it reads as text and cannot change the file's
 * structure: a note `## Heading` or `> quote` would otherwise forge a section or a highlight
 * in what Obsidian and Readwise read. What could open a block (a heading, quote, list, rule,
 * setext underline, fence, table, HTML or link definition) is escaped, and leading spaces
 * (indented code) dropped.
 */
export function asProse(line: string): string {
  const text = line.replace(/^[ \t]+/, '');
  const ordered = /^(\d{1,9})([.)])/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1]!.length)}`;
  return /^[#>\-+*=_`~|<[:]/.test(text) ? `\\${text}` : text;
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
  const merged = mergeProgress(progress);
  saveSettings(settings);
  const n = annotations.length;
  const plural = (k: number, one: string, many = `${one}s`) =>
    `${k.toLocaleString('en')} ${k === 1 ? one : many}`;
  const progressPart = !merged.saved
    ? 'but the progress could not be saved: the browser’s storage is full or blocked'
    : merged.dropped > 0
      ? `progress for ${plural(merged.changed, 'essay')} (${plural(merged.dropped, 'entry', 'entries')} left out: progress is kept for at most ${MAX_ENTRIES.toLocaleString('en')} essays, read ones and the most recent first)`
      : `progress for ${plural(merged.changed, 'essay')}`;
  return {
    ok: merged.saved,
    message: `Imported ${plural(n, 'highlight')} (${added} new), ${progressPart}, and your settings.`,
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
