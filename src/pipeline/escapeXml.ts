/**
 * Text for XML and HTML the build writes by hand (the feed, EPUB books, alias pages):
 * characters XML 1.0 cannot hold at all are dropped, then the five it must escape.
 */
export const escapeXml = (s: string): string =>
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
