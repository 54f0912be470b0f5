import { describe, expect, it } from 'vitest';
import { mdxAsMarkdown } from '../../src/pipeline/read/mdx';
import { runOnTexts } from '../../src/pipeline/run';

const POST = `---
title: Hello MDX
date: 2024-05-01
---
import Tweet from '../components/Tweet';
import { Note,
  Aside } from '@site/components';
export const meta = {
  authors: ['a', 'b'],
};

Some **words** before.

<Note type="info">
Kept words inside a note.
</Note>

<Tweet id="123" />

{/* a comment for editors */}

\`\`\`jsx
import React from 'react';
<Note>code stays</Note>
\`\`\`

Inline \`<Aside />\` stays too, and <span>HTML</span> is left to the reader.
`;

describe('an .mdx file', () => {
  it('is read as Markdown: module lines go, components keep their words, code is untouched', () => {
    const result = runOnTexts({ 'blog/hello.mdx': POST }, { anchorDate: '2026-11-24' });
    expect(result.ok).toBe(true);
    const [essay] = result.essays;
    expect(essay!.title).toBe('Hello MDX');
    const md = essay!.markdown;
    expect(md).not.toMatch(/import Tweet|import \{ Note|Aside \}|export const|authors|a comment/);
    expect(md).toContain('Kept words inside a note.');
    expect(md.replace(/```jsx[\s\S]*?```/, '')).not.toMatch(/<\/?Note/);
    expect(md).toContain('`<Tweet />`');
    expect(md).toContain("```jsx\nimport React from 'react';\n<Note>code stays</Note>\n```");
    expect(md).toContain('Inline `<Aside />` stays too, and <span>HTML</span>');
  });

  it('names each kind of component once, with the line it is first on', () => {
    const result = runOnTexts({ 'blog/hello.mdx': POST }, { anchorDate: '2026-11-24' });
    const named = result.problems
      .filter((p) => p.message.includes('MDX component'))
      .map((p) => `${p.line}: ${p.message}`);
    expect(named).toEqual([
      '14: the MDX component <Note> has no meaning here; its text is kept',
      '18: the MDX component <Tweet> has no meaning here; its text is kept',
    ]);
  });

  it('leaves a Markdown file with capitalised tags alone (only .mdx is read so)', () => {
    const result = runOnTexts(
      {
        'post.md': '---\ntitle: T\ndate: 2024-05-01\n---\n\nimport x from "y"\n\n<Note>a</Note>\n',
      },
      { anchorDate: '2026-11-24' },
    );
    expect(result.essays[0]!.markdown).toContain('import x from "y"');
  });

  it('ends a multi-line export at its closing bracket, not at the first line', () => {
    const { markdown } = mdxAsMarkdown('export const x = [\n  1,\n  2,\n];\n\nText.', 'a.mdx', 1);
    expect(markdown.trim()).toBe('Text.');
  });
});
