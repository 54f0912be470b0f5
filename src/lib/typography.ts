/**
 * Typographic quotes and dashes for display; the stored text is never changed.
 * `--` and `---` become an em dash, `...` an ellipsis, straight quotes curl by context:
 * opening after a space, an opening bracket or a dash (or at the start), closing otherwise.
 * `before` is the character preceding this text in the paragraph, when known.
 */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/;

export function smarten(text: string, before = ''): string {
  let out = '';
  let prev = before;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '-' && text[i + 1] === '-') {
      // `---` and `--` both read as one em dash.
      const run = text[i + 2] === '-' ? 3 : 2;
      out += '\u2014';
      i += run - 1;
      prev = '\u2014';
      continue;
    }
    if (ch === '.' && text.startsWith('...', i)) {
      out += '\u2026';
      i += 2;
      prev = '\u2026';
      continue;
    }
    if (ch === '"') {
      out += prev === '' || OPENS_AFTER.test(prev) ? '\u201c' : '\u201d';
    } else if (ch === "'") {
      // An apostrophe inside a word (don't, group's) or after a digit ('90s handled as open).
      out += prev === '' || OPENS_AFTER.test(prev) ? '\u2018' : '\u2019';
    } else {
      out += ch;
    }
    prev = ch;
  }
  return out;
}
