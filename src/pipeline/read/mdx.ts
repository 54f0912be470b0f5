import { mapLines, mapOutsideCode } from './fences.ts';
import { warning, type Problem } from '../problems.ts';

/**
 * An `.mdx` file read as the Markdown it mostly is (Docusaurus, Astro, Next.js blogs): the
 * module lines (`import …`, `export …`, to the end of their braces) go; a JSX component
 * (a capitalised tag, `<Note>…</Note>`) keeps the words it wraps and loses its tags; a
 * component with nothing inside (`<Tweet id="1" />`) becomes its name in code, so the reader
 * sees that something stood there; `{/* comments *\/}` go. Each kind of component is named
 * once per file, at the line it is first on. Lower-case tags are HTML, left to the reader's
 * allow-list (lib/rehypeHtml.ts). Code, fenced or inline, is never touched.
 */

const MODULE_LINE = /^(?:import|export)\s/;
const COMMENT = /\{\s*\/\*[\s\S]*?\*\/\s*\}/g;
/** A capitalised JSX tag: opening, closing or self-closing, its attributes on any lines. */
const COMPONENT = /<(\/?)([A-Z][\w.]*)(?:\s[^<>]*?)?\s*(\/?)>/g;

export interface MdxResult {
  markdown: string;
  problems: Problem[];
}

/** `{`, `(`, `[` minus their closers outside quotes: enough to find where an export ends. */
function bracketDepth(line: string): number {
  let depth = 0;
  for (const c of line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '')) {
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
  }
  return depth;
}

/** The file without its module lines; each dropped line stays as an empty one (lines hold). */
function withoutModuleLines(markdown: string): string {
  let depth = 0;
  return mapLines(markdown, (line, inCode) => {
    if (inCode) return line;
    if (depth > 0) {
      depth += bracketDepth(line);
      return '';
    }
    if (!MODULE_LINE.test(line)) return line;
    depth = Math.max(0, bracketDepth(line));
    return '';
  });
}

export function mdxAsMarkdown(markdown: string, file: string, firstLine: number): MdxResult {
  const source = withoutModuleLines(markdown);
  const firstSeen = new Map<string, number>();
  const text = mapOutsideCode(source, (prose, start) =>
    prose
      .replace(COMPONENT, (_tag, _closing, name: string, self: string, at: number) => {
        if (!firstSeen.has(name)) {
          const before = source.slice(0, start + at);
          firstSeen.set(name, firstLine + before.split('\n').length - 1);
        }
        return self ? `\`<${name} />\`` : '';
      })
      .replace(COMMENT, ''),
  );
  const problems = [...firstSeen].map(([name, line]) =>
    warning(
      file,
      `the MDX component <${name}> has no meaning here; its text is kept`,
      line,
      'an MDX component has no meaning here; its text is kept',
    ),
  );
  return { markdown: text, problems };
}
