import { describe, expect, it } from 'vitest';
import { describeSpan, findAnchor } from '../../src/reading/anchor';
import { parseAnnotation } from '../../src/reading/annotations';

/** Finding a highlight again after the text changed (W3C TextQuoteSelector). */

const text = 'One two three. The cat sat. Four five six. The cat sat. Seven eight.';
const second = text.lastIndexOf('The cat sat.');
const anchor = describeSpan(text, second, second + 'The cat sat.'.length);

describe('findAnchor', () => {
  it('finds it where it was when nothing changed', () => {
    expect(findAnchor(text, anchor)).toEqual({ start: second, end: anchor.end });
  });

  it('follows it when text is added above, choosing the occurrence whose context matches', () => {
    const edited = 'A new first sentence. ' + text;
    const at = findAnchor(edited, anchor)!;
    expect(at.start).toBe(second + 'A new first sentence. '.length);
    expect(edited.slice(at.start, at.end)).toBe('The cat sat.');
  });

  it('is not fooled by the same words moving into its old place', () => {
    const edited = text.replace('Four five six. ', '');
    const at = findAnchor(edited, anchor)!;
    expect(at.start).toBe(edited.lastIndexOf('The cat sat.'));
  });

  it('gives null (detached) when the words are gone', () => {
    expect(findAnchor(text.replaceAll('The cat sat.', 'The dog ran.'), anchor)).toBeNull();
    expect(findAnchor(text, { ...anchor, exact: '' })).toBeNull();
  });
});

describe('parseAnnotation', () => {
  const good = {
    id: 'a1',
    threadId: 'thread_1',
    slug: 's',
    title: 'T',
    theme: 'x',
    tags: ['x'],
    colour: 'green',
    note: '',
    anchor,
    created: 1,
    updated: 2,
  };
  it('accepts a whole annotation and refuses broken or foreign ones', () => {
    expect(parseAnnotation(good)).toEqual(good);
    expect(parseAnnotation({ ...good, colour: 'purple' })).toBeNull();
    expect(parseAnnotation({ ...good, anchor: { ...anchor, exact: '' } })).toBeNull();
    expect(parseAnnotation({ ...good, tags: [1] })).toBeNull();
    expect(parseAnnotation('a string')).toBeNull();
    expect(parseAnnotation(null)).toBeNull();
  });
});
