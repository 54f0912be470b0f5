import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { all, createLowlight } from 'lowlight';
import { visit } from 'unist-util-visit';
import type { CodeToken } from '../../domain/essay.ts';

/**
 * Syntax highlighting at build time (highlight.js grammars through lowlight), so the reader
 * loads no highlighter and no grammar: each fenced block with a known language becomes
 * tokens with highlight.js class names, which the reader turns into spans
 * (src/lib/rehypeCode.ts) and src/styles.css colours for every theme. Classes, never inline
 * styles: the Content-Security-Policy allows none. Blocks with no language or an unknown
 * one stay plain; guessing a language is slow and often wrong.
 */

const lowlight = createLowlight(all);

/** Names found in real archives that highlight.js knows by another name. */
const LANGUAGE_ALIASES: Record<string, string> = {
  cl: 'lisp',
  elisp: 'lisp',
  'emacs-lisp': 'lisp',
  racket: 'scheme',
  nasm: 'x86asm',
  asm: 'x86asm',
  qbasic: 'basic',
  console: 'shell',
  'shell-session': 'shell',
  jsonc: 'json',
  svelte: 'xml',
  vue: 'xml',
};

export function languageOf(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const name = lang.toLowerCase();
  const known = LANGUAGE_ALIASES[name] ?? name;
  return lowlight.registered(known) ? known : null;
}

const MAYBE_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*[\w+#.-]/m;

/** Whether an essay may have a block to highlight, without parsing it. */
export function mayHaveCode(markdown: string): boolean {
  return MAYBE_FENCE.test(markdown);
}

/**
 * Tokens of each code block in document order (null for a block left plain), or undefined
 * when the essay has nothing to highlight, so its body file does not grow.
 */
export function highlightBlocks(tree: Root): (CodeToken[] | null)[] | undefined {
  const blocks: (CodeToken[] | null)[] = [];
  let any = false;
  visit(tree, 'code', (node) => {
    const language = languageOf(node.lang);
    if (!language || node.value === '') {
      blocks.push(null);
      return;
    }
    const tokens = compact(lowlight.highlight(language, node.value));
    any = true;
    blocks.push(tokens);
  });
  return any ? blocks : undefined;
}

function compact(root: HastRoot | Element): CodeToken[] {
  const out: CodeToken[] = [];
  for (const child of root.children as ElementContent[]) {
    if (child.type === 'text') {
      // Neighbouring text merges: fewer bytes, and the same text.
      const last = out.at(-1);
      if (typeof last === 'string') out[out.length - 1] = last + child.value;
      else out.push(child.value);
    } else if (child.type === 'element') {
      const className = ((child.properties.className as string[] | undefined) ?? [])
        .map((c) => c.replace(/^hljs-/, ''))
        .join(' ');
      out.push([className, ...compact(child)]);
    }
  }
  return out;
}
