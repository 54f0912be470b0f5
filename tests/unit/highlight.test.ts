import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/components/Markdown';
import { bodyParts } from '../../src/pipeline/derive/markdown';
import { languageOf } from '../../src/pipeline/derive/highlight';

/** Code highlighting at build time, by classes, and its rendering in the reader. */

const md = [
  'Some text with `inline` code.',
  '',
  '```c',
  'int main(void) { return 0; } /* done */',
  '```',
  '',
  '~~~cl',
  '(defun sq (x) (* x x))',
  '~~~',
  '',
  '```',
  'no language here',
  '```',
  '',
  '```not-a-language',
  'left plain',
  '```',
].join('\n');

const render = (markdown: string, code: ReturnType<typeof bodyParts>['code']) =>
  renderToStaticMarkup(createElement(Markdown, { markdown, code }));

describe('build-time highlighting', () => {
  const { code } = bodyParts(md);

  it('tokenises each block with a known language, in order, and leaves the rest plain', () => {
    expect(code).toHaveLength(4);
    expect(code![0]).toContainEqual(['keyword', 'return']);
    expect(code![1]).not.toBeNull(); // `cl` is Common Lisp
    expect(code![2]).toBeNull();
    expect(code![3]).toBeNull();
  });

  it('adds nothing to an essay without code', () => {
    expect(bodyParts('Just words.\n\n## A heading\n\nMore.')).toEqual({
      headings: [{ depth: 2, text: 'A heading', id: 'a-heading' }],
    });
    expect(bodyParts('Only `inline` code.')).toEqual({ headings: [] });
  });

  it('knows the names real archives use', () => {
    expect(languageOf('c++')).toBe('c++');
    expect(languageOf('nasm')).toBe('x86asm');
    expect(languageOf('elisp')).toBe('lisp');
    expect(languageOf('nonsense')).toBeNull();
  });
});

describe('the reader shows the tokens as classed spans, never styles', () => {
  const { code } = bodyParts(md);

  it('renders hl- spans with the code text unchanged', () => {
    const html = render(md, code);
    expect(html).toContain('<span class="hl-keyword">return</span>');
    expect(html).toContain('class="language-c highlighted"');
    expect(html).not.toContain('style=');
    const plain = render(md, undefined).replace(/<[^>]+>/g, '');
    expect(html.replace(/<[^>]+>/g, '')).toBe(plain);
  });

  it('leaves a block plain when the tokens do not match its text', () => {
    const other = md.replace('return 0', 'return 1');
    const html = render(other, code);
    expect(html).toContain('return 1');
    expect(html).not.toContain('<code class="language-c highlighted">');
  });
});
