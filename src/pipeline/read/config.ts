import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_ARCHIVE,
  DEFAULT_FIELDS,
  IGNORED_FOLDERS,
  type ArchiveOptions,
  type FieldName,
} from './archiveOptions.ts';

/**
 * `essays.config.json` or `essays.config.ts` beside package.json (or the file ESSAYS_CONFIG
 * names), in the manner of vite.config and astro.config: optional, typed, and checked with
 * the schema library the front matter uses. Environment variables (ESSAYS_DIR, SITE_URL,
 * SITE_NAME, BASE_PATH, ESSAYS_ON_PROBLEM) override it, so one checkout publishes anywhere.
 * docs/decisions/0014-real-archives.md.
 */

const FIELD_NAMES = Object.keys(DEFAULT_FIELDS) as [FieldName, ...FieldName[]];

const keys = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const EssaysConfigSchema = z
  .object({
    site: z
      .object({
        name: z.string().min(1).optional(),
        /** Absolute address of the home page: https://example.org/essays/ */
        url: z.string().url().optional(),
        /** The path the site is served from, when it is not the URL's. */
        basePath: z.string().startsWith('/').optional(),
        /** The archive's language (`en`, `ja`): the pages' `lang`, unless an essay says. */
        lang: z.string().min(2).optional(),
      })
      .strict()
      .optional(),
    /** The folder of essays, relative to this file. */
    content: z.string().min(1).optional(),
    /** Folder names left out wherever they are (besides a vault's usual ones). */
    ignore: z.array(z.string().min(1)).optional(),
    /** A notes vault (Obsidian, Quartz): found by its `.obsidian` folder unless set. */
    notes: z.boolean().optional(),
    /** What an essay without `primary_theme` is filed under. */
    themeFallback: z.enum(['category', 'tag', 'folder', 'none']).optional(),
    /** Front-matter keys to read a field from, before the usual ones: `{ "date": "posted" }`. */
    fields: z.partialRecord(z.enum(FIELD_NAMES), keys).optional(),
    /** `stop` (the default): any error fails the build. `skip`: the file is left out, listed. */
    onProblem: z.enum(['stop', 'skip']).optional(),
  })
  .strict();

export type EssaysConfig = z.input<typeof EssaysConfigSchema>;

export const CONFIG_NAMES = ['essays.config.ts', 'essays.config.mjs', 'essays.config.json'];

export interface LoadedConfig {
  config: z.output<typeof EssaysConfigSchema>;
  /** The file read, or null when there is none. */
  file: string | null;
}

/** The config file's problems in plain words, each with the field's path. */
export function checkConfig(value: unknown, file: string): LoadedConfig['config'] {
  const result = EssaysConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(the whole file)'}: ${issue.message}`,
  );
  throw new Error(`${path.basename(file)} has problems:\n${lines.join('\n')}`);
}

export async function loadEssaysConfig(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<LoadedConfig> {
  const named = env.ESSAYS_CONFIG?.trim();
  const found = named
    ? [path.resolve(root, named)]
    : CONFIG_NAMES.map((n) => path.join(root, n)).filter((f) => existsSync(f));
  if (found.length === 0) return { config: {}, file: null };
  if (found.length > 1)
    throw new Error(`both ${found.map((f) => path.basename(f)).join(' and ')} exist; keep one`);
  const file = found[0]!;
  if (!existsSync(file)) throw new Error(`ESSAYS_CONFIG names ${file}, which does not exist`);
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${path.basename(file)} is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    // Vite's own loader reads a TypeScript config the way it reads vite.config.ts.
    const { runnerImport } = await import('vite');
    const loaded = await runnerImport<{ default: unknown }>(file);
    value = loaded.module.default;
  }
  return { config: checkConfig(value, file), file };
}

/** The site settings as the environment names them; the real environment wins. */
export function siteEnv(
  loaded: LoadedConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string | undefined> {
  const site = loaded.config.site ?? {};
  const fromFile: Record<string, string | undefined> = {
    SITE_URL: site.url,
    SITE_NAME: site.name,
    BASE_PATH: site.basePath,
    SITE_LANG: site.lang,
  };
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

/** The essays folder: ESSAYS_DIR, else the config's `content` (relative to it), else ours. */
export function essaysDirOf(
  loaded: LoadedConfig,
  fallback: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (env.ESSAYS_DIR) return path.resolve(env.ESSAYS_DIR);
  if (loaded.config.content && loaded.file)
    return path.resolve(path.dirname(loaded.file), loaded.config.content);
  return path.resolve(fallback);
}

/** How to read the archive in `dir`, from the config and what the folder itself shows. */
export function archiveOptionsFor(
  loaded: LoadedConfig,
  dir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ArchiveOptions {
  const { config } = loaded;
  const fields = { ...DEFAULT_FIELDS };
  for (const [name, given] of Object.entries(config.fields ?? {}) as [
    FieldName,
    string | string[],
  ][]) {
    const first = Array.isArray(given) ? given : [given];
    fields[name] = [...first, ...DEFAULT_FIELDS[name].filter((k) => !first.includes(k))];
  }
  // An Obsidian vault keeps its settings in `.obsidian/`, in the vault or just above it
  // (Quartz keeps the vault in `content/`).
  const notes =
    config.notes ??
    (existsSync(path.join(dir, '.obsidian')) || existsSync(path.join(dir, '..', '.obsidian')));
  const onProblem = env.ESSAYS_ON_PROBLEM ?? config.onProblem ?? DEFAULT_ARCHIVE.onProblem;
  if (onProblem !== 'stop' && onProblem !== 'skip')
    throw new Error(`ESSAYS_ON_PROBLEM "${onProblem}" must be "stop" or "skip"`);
  return {
    fields,
    themeFallback: config.themeFallback ?? DEFAULT_ARCHIVE.themeFallback,
    notes,
    lang: env.SITE_LANG ?? config.site?.lang ?? DEFAULT_ARCHIVE.lang,
    onProblem,
    ignoredFolders: [...(notes ? IGNORED_FOLDERS : []), ...(config.ignore ?? [])],
  };
}
