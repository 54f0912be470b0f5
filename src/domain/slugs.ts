import type { EssaySlug, TermSlug } from './essay.ts';

/**
 * Slugs and labels.
 *
 * Essay slugs are ASCII and readable (`notes-on-keeping-a-reading-group-alive`).
 *
 * Tag and theme slugs must round-trip: `termFromSlug(termSlug(v)) === normalizeTerm(v)`.
 * Letters and digits (any script) and `_` are kept, a space becomes `-`, and every other
 * character is escaped as `~` + hex code point + `.` (`self-study` → `self~2d.study`).
 * Real tags are almost all letters, spaces and underscores, so almost every slug reads well.
 */

const MAX_ESSAY_SLUG_LENGTH = 80;

export function essaySlugFromTitle(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_ESSAY_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_ESSAY_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

export function isEssaySlug(value: string): value is EssaySlug {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

export function asEssaySlug(value: string): EssaySlug {
  if (!isEssaySlug(value)) throw new Error(`Not an essay slug: ${JSON.stringify(value)}`);
  return value;
}

/** Tags and themes compare case-insensitively with whitespace collapsed. */
export function normalizeTerm(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const KEPT = /[\p{L}\p{N}_]/u;

export function termSlug(value: string): TermSlug {
  let out = '';
  for (const ch of normalizeTerm(value)) {
    if (KEPT.test(ch)) out += ch;
    else if (ch === ' ') out += '-';
    else out += `~${ch.codePointAt(0)!.toString(16)}.`;
  }
  return out as TermSlug;
}

export function isTermSlug(value: string): value is TermSlug {
  return value.length > 0 && /^(?:[\p{L}\p{N}_-]|~[0-9a-f]{1,6}\.)+$/u.test(value);
}

/** Inverse of `termSlug`; null when the text is not a slug this app could have made. */
export function termFromSlug(slug: string): string | null {
  if (!isTermSlug(slug)) return null;
  let valid = true;
  const decoded = slug.replace(/~([0-9a-f]{1,6})\.|-/g, (match, hex: string | undefined) => {
    if (!hex) return ' ';
    const code = parseInt(hex, 16);
    // Six hex digits reach past the last code point (U+10FFFF): no term has such a slug.
    if (code > 0x10ffff) {
      valid = false;
      return '';
    }
    return String.fromCodePoint(code);
  });
  return valid && termSlug(decoded) === slug ? decoded : null;
}

export interface TermLabel {
  /** The broad area before the first underscore, when there is one. */
  area: string | null;
  /** The rest: the narrower subject, or the whole term. */
  name: string;
  /** One line for lists and headings: `organizing › study groups`. */
  text: string;
}

/**
 * `marxism_historical materialism` reads as "marxism › historical materialism". Case is kept
 * as written, like titles. Underscores after the first are shown as spaces.
 */
export function termLabel(value: string): TermLabel {
  const clean = value.trim().replace(/\s+/g, ' ');
  const at = clean.indexOf('_');
  if (at <= 0 || at === clean.length - 1) {
    const name = clean.replace(/_/g, ' ').trim();
    return { area: null, name, text: name };
  }
  const area = clean.slice(0, at).trim();
  const name = clean
    .slice(at + 1)
    .replace(/_/g, ' ')
    .trim();
  return { area, name, text: `${area} › ${name}` };
}
