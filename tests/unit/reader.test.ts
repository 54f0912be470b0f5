import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { headingIds, headingSlug } from '../../src/domain/headings';
import { boundProgress, continueReading, MAX_ENTRIES, parseProgress } from '../../src/lib/progress';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/lib/settings';
import { smarten } from '../../src/lib/typography';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown } from '../../src/components/Markdown';
import { headingsOf, headingsOfMarkdown, parseMarkdown } from '../../src/pipeline/derive/markdown';

describe('smarten: typographic quotes and dashes', () => {
  it.each([
    ['a -- b', 'a \u2014 b'],
    ['a---b', 'a\u2014b'],
    ['"quoted"', '\u201cquoted\u201d'],
    ["it's the group's", 'it\u2019s the group\u2019s'],
    ["'single'", '\u2018single\u2019'],
    ['("nested")', '(\u201cnested\u201d)'],
    ['wait...', 'wait\u2026'],
    ['plain text', 'plain text'],
    ['1) a list marker stays', '1) a list marker stays'],
  ])('%j → %j', (input, output) => {
    expect(smarten(input)).toBe(output);
  });

  it('closes a quote when the text before it (another node) ended a word', () => {
    expect(smarten('" and more', 'd')).toBe('\u201d and more');
    expect(smarten('"opening', ' ')).toBe('\u201copening');
  });
});

describe('heading ids agree between pipeline and reader', () => {
  it.each([
    ['How it started', 'how-it-started'],
    ["What I'd do differently", 'what-id-do-differently'],
    ['Relief: where profit comes from', 'relief-where-profit-comes-from'],
    ['Économie', 'economie'],
    ['???', 'section'],
  ])('%j → %j', (text, id) => {
    expect(headingSlug(text)).toBe(id);
  });

  it('numbers repeated headings', () => {
    expect(headingIds(['Notes', 'Notes', 'Other', 'Notes'])).toEqual([
      'notes',
      'notes-2',
      'other',
      'notes-3',
    ]);
  });

  it('lists headings of depth 2–4 with their plain text, skipping code', () => {
    const tree = parseMarkdown(
      '# Title\n\n## One *emphasis*\n\n```\n## not a heading\n```\n\n### Two [link](https://x.y)\n\n##### Five\n',
    );
    expect(headingsOf(tree)).toEqual([
      { depth: 2, text: 'One emphasis', id: 'one-emphasis' },
      { depth: 3, text: 'Two link', id: 'two-link' },
    ]);
  });
});

describe('reading settings from storage', () => {
  it.each([
    [null, null],
    ['nonsense', null],
    [[1, 2], null],
    [{}, DEFAULT_SETTINGS],
    [
      { theme: 'sepia', size: 'xl' },
      { ...DEFAULT_SETTINGS, theme: 'sepia', size: 'xl' },
    ],
    [
      { theme: 'neon', size: 'l', extra: 1 },
      { ...DEFAULT_SETTINGS, size: 'l' },
    ],
  ])('%j → %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it('the boot script applies exactly what the app would', () => {
    const script = readFileSync('public/boot-settings.js', 'utf8');
    const cases: [string | null, Record<string, string>][] = [
      [null, { size: 'm', width: 'normal', font: 'serif', theme: 'system' }],
      ['{broken', { size: 'm', width: 'normal', font: 'serif', theme: 'system' }],
      [
        JSON.stringify({ theme: 'dark', width: 'wide', font: 'comic' }),
        { size: 'm', width: 'wide', font: 'serif', theme: 'dark' },
      ],
    ];
    for (const [stored, expected] of cases) {
      const attrs: Record<string, string> = {};
      const documentElement = {
        setAttribute: (k: string, v: string) => (attrs[k.replace('data-', '')] = v),
      };
      runInNewContext(script, {
        // Still parsing: the script's second part (starting the app) waits for the DOM.
        document: { documentElement, readyState: 'loading', addEventListener: () => {} },
        localStorage: { getItem: () => stored },
      });
      expect(attrs).toEqual(expected);
      const fromApp = parseSettings(
        stored === null
          ? {}
          : (() => {
              try {
                return JSON.parse(stored);
              } catch {
                return {};
              }
            })(),
      );
      expect(attrs).toEqual(fromApp);
    }
  });
});

describe('reading progress from storage', () => {
  const entries = {
    good: { position: 0.5, at: 1, read: false },
    read: { position: 1, at: 2, read: true },
    over: { position: 1.5, at: 3 },
    noTime: { position: 0.2 },
    text: 'nope',
  };
  const kept = {
    good: { position: 0.5, at: 1, read: false },
    read: { position: 1, at: 2, read: true },
  };
  it('keeps good entries and drops bad ones one by one', () => {
    expect(parseProgress({ version: 2, entries })).toEqual({ entries: kept, bySlug: false });
    expect(parseProgress([])).toBeNull();
    expect(parseProgress({ version: 3, entries })).toBeNull();
  });

  it('reads the older record, keyed by slug, for migration to thread ids', () => {
    expect(parseProgress(entries)).toEqual({ entries: kept, bySlug: true });
  });

  it('keeps the entry just saved when the store is full, then read marks, newest first', () => {
    const full: Record<string, { position: number; at: number; read: boolean }> = {};
    for (let i = 0; i < MAX_ENTRIES; i++) full[`read-${i}`] = { position: 1, at: i, read: true };
    full.fresh = { position: 0.4, at: 1, read: false };
    const bounded = boundProgress(full, 'fresh');
    expect(Object.keys(bounded)).toHaveLength(MAX_ENTRIES);
    expect(bounded.fresh).toEqual({ position: 0.4, at: 1, read: false });
    expect(bounded['read-0']).toBeUndefined(); // the oldest read mark made room
    expect(bounded[`read-${MAX_ENTRIES - 1}`]).toBeDefined();
  });

  it('offers the most recent unfinished essay to continue', () => {
    expect(
      continueReading({
        a: { position: 0.5, at: 10, read: false },
        b: { position: 0.4, at: 20, read: false },
        c: { position: 0.6, at: 30, read: true },
        d: { position: 0.01, at: 40, read: false },
        e: { position: 0.99, at: 50, read: false },
      }),
    ).toEqual({ id: 'b', entry: { position: 0.4, at: 20, read: false } });
    expect(continueReading({})).toBeNull();
  });
});

describe('the contents list names exactly the headings the reader renders', () => {
  const cases = [
    '# Title\n\n## One *emphasis*\n\ntext\n\n### Two [link](https://x.y) ###\n\n## One emphasis\n',
    '## A\n\n```\n## not a heading\n```\n\n~~~md\n### nor this\n~~~\n\n#### B `code` C\n',
    'no headings at all, just text -- and a 1) list\n\n1) one\n2) two\n',
    '##NotAHeading\n\n  ## indented two spaces\n\n    ## indented code block? no: four spaces\n',
    'Setext level two\n----------------\n\nAnd level one\n=============\n\ntext\n',
    '> ## Quoted heading\n>\n> quoted text\n\n- ## Heading in a list\n- item\n',
    '````md\n```\n## inside a fence that holds a fence\n```\n````\n\n## After the fences\n',
    'A paragraph\n\n---\n\na rule, not a heading\n',
  ];
  it.each(cases)('%j', (md) => {
    const html = renderToStaticMarkup(createElement(Markdown, { markdown: md }));
    const rendered = [...html.matchAll(/<h([2-4]) id="([^"]+)"/g)].map((m) => ({
      depth: Number(m[1]),
      id: m[2],
    }));
    expect(headingsOfMarkdown(md).map(({ depth, id }) => ({ depth, id }))).toEqual(rendered);
  });

  it('finds setext headings, headings in quotes and lists, and skips fenced fences', () => {
    expect(headingsOfMarkdown(cases[4]!).map((h) => h.id)).toEqual(['setext-level-two']);
    expect(headingsOfMarkdown(cases[5]!).map((h) => h.id)).toEqual([
      'quoted-heading',
      'heading-in-a-list',
    ]);
    expect(headingsOfMarkdown(cases[6]!).map((h) => h.id)).toEqual(['after-the-fences']);
  });
});
