import { describe, expect, it } from 'vitest';
import { failureHint, warningLines, warning, error } from '../../src/pipeline/problems';
import { runOnTexts } from '../../src/pipeline/run';

const ANCHOR = '2026-11-24';
const post = (name: string, body = 'Words of the post.') =>
  `---\ntitle: "${name}"\ndate: 2024-01-01\n---\n\n${body}\n`;

describe('the warnings of an ordinary blog', () => {
  const files = Object.fromEntries(
    ['a', 'b', 'c', 'd', 'e'].map((n) => [
      `${n}.md`,
      post(n, 'Text {{ site.x }} and {{ site.y }}.'),
    ]),
  );
  const lines = warningLines(runOnTexts(files, { anchorDate: ANCHOR }).problems);

  it('say the seed format’s fields were filled in once, as a note, not once per file', () => {
    const notes = lines.filter((l) => l.startsWith('note:'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/word_count is missing; counted from the body \(5 files\)/);
    expect(notes[0]).toMatch(/thread_id is missing.*\(5 files\)/);
    expect(lines.some((l) => /^[a-e]\.md:\d+: warning: word_count/.test(l))).toBe(false);
  });

  it('group a template warning by files, naming each file once with its line', () => {
    const grouped = lines.find((l) => l.includes('template syntax'))!;
    expect(grouped).toMatch(
      /10 places in 5 files \(a\.md:6, b\.md:6, c\.md:6 and 2 more files; build-report\.txt names every one\)/,
    );
  });

  it('keep a few such fields as plain warnings naming the file', () => {
    const one = warningLines(runOnTexts({ 'a.md': post('a') }, { anchorDate: ANCHOR }).problems);
    expect(one).toContain('a.md:1: warning: word_count is missing; counted 4');
  });
});

describe('an unreadable date', () => {
  it('gives way to the date in the file name, with a warning', () => {
    const result = runOnTexts(
      { 'Daily/2023-09-12.md': '---\ndate: "{{date}}"\n---\n\nA daily note.\n' },
      { anchorDate: ANCHOR, archive: undefined },
    );
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ message: 'the title is missing' }),
    ]);
    const named = runOnTexts(
      { 'Daily/2023-09-12.md': '---\ntitle: Day\ndate: "{{date}}"\n---\n\nA daily note.\n' },
      { anchorDate: ANCHOR },
    );
    expect(named.ok).toBe(true);
    expect(named.essays[0]!.date.iso).toBe('2023-09-12');
    expect(named.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(
        /^cannot read the date "\{\{date\}\}".*; using the date in the file name, 2023-09-12$/,
      ),
    );
  });
});

describe('the hint after a failed build', () => {
  it('names the config that answers the commonest error, and always how to build the rest', () => {
    const titles = [
      error('a.md', 'the title is missing', 1),
      error('b.md', 'the title is missing', 1),
    ];
    expect(failureHint(titles)).toMatch(
      /"fields": \{"title": "newstitle"\}.*ESSAYS_ON_PROBLEM=skip/,
    );
    const vault = [error('a.md', 'has no front matter: the file must start…', 1)];
    expect(failureHint(vault)).toMatch(/\{"notes": true\}/);
    expect(failureHint([error('a.md', 'something else')])).toMatch(
      /^fix the errors listed above, or build the rest with ESSAYS_ON_PROBLEM=skip/,
    );
    expect(warning('a.md', 'x').severity).toBe('warning');
  });
});
