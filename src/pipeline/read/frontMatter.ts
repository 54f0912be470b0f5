import { parse as parseTomlText, TomlError } from 'smol-toml';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { error, type Problem } from '../problems.ts';
import type { SourceFile } from './load.ts';

/** Stage 2: split a file into front matter and body, and parse the front matter. */

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

export interface ParsedFile {
  file: string;
  format: FrontMatterFormat;
  /** The front matter's fields as plain data. */
  data: Record<string, unknown>;
  /** 1-based line of each top-level key, for messages. */
  keyLines: Record<string, number>;
  /** 1-based line of the front matter's opening `---`. */
  startLine: number;
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** `YYYY-MM-DD` the file last changed, when the loader looked (src/pipeline/read/load.ts). */
  modified?: string;
}

const YAML_FENCE = /^---[ \t]*$/;
const TOML_FENCE = /^\+\+\+[ \t]*$/;

/**
 * Front matter as static-site generators write it: YAML between `---` lines (Jekyll,
 * Eleventy, Astro, Obsidian), TOML between `+++` lines and a JSON object (Hugo). A file with
 * none is a plain note (Obsidian); `derive.ts` finds its title and date elsewhere.
 */
export function parseFrontMatter(source: SourceFile): ParsedFile | Problem[] {
  const { file, text } = source;
  const lines = text.split('\n');
  // Blank lines before the opening fence are tolerated.
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length) return [error(file, 'the file is empty')];
  const first = lines[open]!;
  const format: FrontMatterFormat = YAML_FENCE.test(first)
    ? 'yaml'
    : TOML_FENCE.test(first)
      ? 'toml'
      : first === '{'
        ? 'json'
        : 'none';
  if (format === 'none') {
    return {
      file,
      format,
      data: {},
      keyLines: {},
      startLine: 1,
      body: text,
      bodyLine: 1,
      ...modifiedOf(source),
    };
  }
  const fence = format === 'yaml' ? YAML_FENCE : format === 'toml' ? TOML_FENCE : /^\}[ \t]*$/;
  let close = open + 1;
  while (close < lines.length && !fence.test(lines[close]!)) close++;
  if (close >= lines.length) {
    const end =
      format === 'yaml' ? '"---"' : format === 'toml' ? '"+++"' : '"}" on a line of its own';
    return [
      error(file, `the front matter is never closed: add a line ${end} after the fields`, open + 1),
    ];
  }
  const parsed =
    format === 'yaml'
      ? parseYaml(file, lines.slice(open + 1, close).join('\n'), open + 2, open + 1)
      : format === 'toml'
        ? parseToml(file, lines.slice(open + 1, close).join('\n'), open + 2)
        : parseJson(file, lines.slice(open, close + 1).join('\n'), open + 1);
  if (Array.isArray(parsed)) return parsed;
  // The body as a slice of the file's text, not a copy: a 100,000-essay build holds every
  // body, and a joined copy of each doubled that.
  let bodyStart = 0;
  for (let i = 0; i <= close; i++) bodyStart += lines[i]!.length + 1;
  return {
    file,
    format,
    data: plainValues(parsed.data),
    keyLines: parsed.keyLines,
    startLine: open + 1,
    body: text.slice(bodyStart),
    bodyLine: close + 2,
    ...modifiedOf(source),
  };
}

const modifiedOf = (source: SourceFile) =>
  source.modified === undefined ? {} : { modified: source.modified };

type Fields = { data: Record<string, unknown>; keyLines: Record<string, number> };

function parseYaml(
  file: string,
  yamlText: string,
  firstLine: number,
  fenceLine: number,
): Fields | Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return doc.errors.map((e) =>
      error(
        file,
        `the front matter is not valid YAML: ${firstSentence(e.message)}`,
        lineAt(e.pos[0]),
      ),
    );
  }
  // `---` then `---` (an empty block) is empty front matter, not an error.
  if (doc.contents === null) return { data: {}, keyLines: {} };
  if (!isMap(doc.contents)) {
    return [error(file, 'the front matter must be "key: value" lines', fenceLine)];
  }
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range)
      keyLines[String(pair.key.value)] = lineAt(pair.key.range[0]);
  }
  try {
    return { data: doc.toJS() as Record<string, unknown>, keyLines };
  } catch {
    // The YAML library refuses aliases that expand too far (an "alias bomb").
    return [
      error(
        file,
        'the front matter repeats aliases (*name) too often to be read safely; write the values out',
        fenceLine,
      ),
    ];
  }
}

function parseToml(file: string, tomlText: string, firstLine: number): Fields | Problem[] {
  let data: Record<string, unknown>;
  try {
    data = parseTomlText(tomlText) as Record<string, unknown>;
  } catch (e) {
    const line = e instanceof TomlError ? e.line + firstLine - 1 : firstLine;
    const message =
      e instanceof Error
        ? firstSentence(e.message).replace(/^Invalid TOML document: /, '')
        : String(e);
    return [error(file, `the front matter is not valid TOML: ${message}`, line)];
  }
  return { data, keyLines: keyLinesByPattern(tomlText, firstLine, /^\s*["']?([\w-]+)["']?\s*=/) };
}

function parseJson(file: string, jsonText: string, firstLine: number): Fields | Problem[] {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (e) {
    return [
      error(
        file,
        `the front matter is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
        firstLine,
      ),
    ];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return [error(file, 'the front matter must be a JSON object', firstLine)];
  return {
    data: data as Record<string, unknown>,
    keyLines: keyLinesByPattern(jsonText, firstLine, /^\s*"([^"]+)"\s*:/),
  };
}

/** Lines of top-level keys found by a pattern: good enough for messages. */
function keyLinesByPattern(
  text: string,
  firstLine: number,
  pattern: RegExp,
): Record<string, number> {
  const keyLines: Record<string, number> = {};
  text.split('\n').forEach((line, i) => {
    const key = pattern.exec(line)?.[1];
    if (key !== undefined && !(key in keyLines)) keyLines[key] = i + firstLine;
  });
  return keyLines;
}

/** TOML dates are Date objects; the rest of the pipeline reads dates as the text written. */
function plainValues(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data))
    out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
