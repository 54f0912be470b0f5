import { describe, expect, it } from 'vitest';
import { countPlain, plainText } from '../../src/domain/text';
import { bodyText } from '../../src/pipeline/derive/bodyText';

/**
 * The words a reader sees (issue 22, item 5): what the regexes of `plainText` read wrong is
 * read from the parsed tree, without code, link addresses or tags; plain prose is read as
 * before.
 */
describe('the words of a body', () => {
  it.each([
    ['a ~~~ fence', 'Before.\n\n~~~\nconst hidden = 1;\n~~~\n\nAfter.', 'Before. After.'],
    ['a ``` fence', 'Before.\n\n```js\nconst hidden = 1;\n```\n\nAfter.', 'Before. After.'],
    ['indented code', 'Before.\n\n    const hidden = 1;\n\nAfter.', 'Before. After.'],
    [
      'a reference link and its definition',
      'See [the guide][g] now.\n\n[g]: https://example.com/guide "Guide"',
      'See the guide now.',
    ],
    [
      'a collapsed reference',
      'See [the guide][] now.\n\n[the guide]: /guide',
      'See the guide now.',
    ],
    ['inline HTML', 'A <b>bold</b> word.', 'A bold word.'],
    [
      'an HTML block with a script',
      'Text.\n\n<div class="x">Inside <em>words</em></div>\n\n<script>var hidden = 1;</script>\n\nEnd.',
      'Text. Inside words End.',
    ],
    ['a bare address', 'Read https://example.com/a-long-path today.', 'Read today.'],
    ['an image', 'Look: ![a red door](door.png)', 'Look: a red door'],
    ['inline code stays (it is read)', 'Run `make all` twice.', 'Run make all twice.'],
  ])('%s', (_, markdown, text) => {
    expect(bodyText(markdown)).toBe(text);
  });

  it('counts what the regexes counted wrong', () => {
    const markdown = 'One two three.\n\n~~~\nfour five six seven\n~~~\n\n    eight nine\n';
    expect(countPlain(plainText(markdown)).words).toBeGreaterThan(3); // the old count
    expect(countPlain(bodyText(markdown)).words).toBe(3);
  });

  it('reads plain prose exactly as before, without a parse', () => {
    const prose =
      'A plain paragraph, with *emphasis* and a [link](https://x.org).\n\n- a list item\n';
    expect(bodyText(prose)).toBe(plainText(prose));
  });
});
