import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { error, type Problem } from './problems.ts';
import type { SourceFile } from './load.ts';

/** Stage 2: split a file into front matter and body, and parse the front matter as YAML. */

export interface ParsedFile {
  file: string;
  /** The YAML mapping as plain data. */
  data: Record<string, unknown>;
  /** 1-based line of each top-level key, for messages. */
  keyLines: Record<string, number>;
  /** 1-based line of the front matter's opening `---`. */
  startLine: number;
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

export function parseFrontMatter(source: SourceFile): ParsedFile | Problem[] {
  const { file, text } = source;
  const lines = text.split('\n');
  // Blank lines before the opening fence are tolerated; anything else is not front matter.
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length) return [error(file, 'the file is empty')];
  if (!FENCE.test(lines[open]!)) {
    return [
      error(
        file,
        'has no front matter: the file must start with a line "---", the fields, then "---"',
        open + 1,
      ),
    ];
  }
  let close = open + 1;
  while (close < lines.length && !FENCE.test(lines[close]!)) close++;
  if (close >= lines.length) {
    return [
      error(file, 'the front matter is never closed: add a line "---" after the fields', open + 1),
    ];
  }

  const yamlText = lines.slice(open + 1, close).join('\n');
  const firstYamlLine = open + 2;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstYamlLine - 1;

  if (doc.errors.length > 0) {
    return doc.errors.map((e) =>
      error(
        file,
        `the front matter is not valid YAML: ${firstSentence(e.message)}`,
        lineAt(e.pos[0]),
      ),
    );
  }
  if (!isMap(doc.contents)) {
    return [error(file, 'the front matter must be "key: value" lines', open + 1)];
  }
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range)
      keyLines[String(pair.key.value)] = lineAt(pair.key.range[0]);
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS() as Record<string, unknown>;
  } catch {
    // The YAML library refuses aliases that expand too far (an "alias bomb").
    return [
      error(
        file,
        'the front matter repeats aliases (*name) too often to be read safely; write the values out',
        open + 1,
      ),
    ];
  }
  // The body as a slice of the file's text, not a copy: a 100,000-essay build holds every
  // body, and a joined copy of each doubled that.
  let bodyStart = 0;
  for (let i = 0; i <= close; i++) bodyStart += lines[i]!.length + 1;
  return {
    file,
    data,
    keyLines,
    startLine: open + 1,
    body: text.slice(bodyStart),
    bodyLine: close + 2,
  };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
