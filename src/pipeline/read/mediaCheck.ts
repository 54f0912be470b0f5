import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * What an image file of the essays folder really is, before it is published. A raster image
 * must start like one (a `.png` that holds text is not an image, whatever its name says); an
 * SVG is a document that can hold scripts, and opened at its own address it runs them with the
 * site's origin (the pages' CSP does not govern it), so it is published only as DOMPurify's SVG
 * profile leaves it: no scripts, event handlers, `<foreignObject>`, or references outside the
 * file (docs/decisions/0016).
 */

export type CheckedImage =
  { ok: true; bytes: Uint8Array; removed: string[] } | { ok: false; why: string };

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * Whether the bytes are a raster image a browser shows. Any known type is accepted whatever the
 * extension says (a `.jpg` that holds a PNG is common and harmless: browsers sniff images).
 */
export function isRasterImage(bytes: Uint8Array): boolean {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return true; // PNG
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return true; // JPEG
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return true;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return true;
  // AVIF (and HEIF): an ISO box `ftyp` whose brands name AVIF.
  if (ascii(bytes, 4, 8) === 'ftyp' && /avi[fs]|mif1|msf1/.test(ascii(bytes, 8, 32))) return true;
  return false;
}

/** An address inside the file itself (`#gradient`), the only kind an SVG may keep. */
const INTERNAL = /^\s*#/;
/** CSS that reaches outside the file: `url(…)` to anything but `#id`, or `@import`. */
const EXTERNAL_CSS = /@import|url\(\s*['"]?\s*(?!#)/i;

let purifier: { purify: ReturnType<typeof createDOMPurify>; window: JSDOM['window'] } | null = null;

function svgPurifier() {
  if (purifier) return purifier;
  // One window for the whole build: made only when an archive holds an SVG.
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if ((name === 'href' || name === 'xlink:href') && !INTERNAL.test(data.attrValue))
      data.keepAttr = false;
    if (name === 'style' && EXTERNAL_CSS.test(data.attrValue)) data.keepAttr = false;
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && EXTERNAL_CSS.test(node.textContent ?? ''))
      node.parentNode?.removeChild(node);
  });
  purifier = { purify, window };
  return purifier;
}

/** An SVG file's text as it may be published, or why it may not. */
export function sanitizeSvg(text: string): CheckedImage {
  const { purify, window } = svgPurifier();
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (
    !root ||
    root.localName !== 'svg' ||
    root.namespaceURI !== 'http://www.w3.org/2000/svg' ||
    doc.getElementsByTagName('parsererror').length > 0
  )
    return { ok: false, why: 'is not an SVG image (it does not parse as SVG)' };
  purify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'script', 'iframe', 'embed', 'object'],
  });
  const removed = [
    ...new Set(
      purify.removed.map((r) =>
        'element' in r && r.element
          ? `<${(r.element as Element).localName ?? r.element.nodeName.toLowerCase()}>`
          : 'attribute' in r && r.attribute
            ? `${r.attribute.name}=`
            : 'content',
      ),
    ),
  ];
  const out = new window.XMLSerializer().serializeToString(root);
  return { ok: true, bytes: new TextEncoder().encode(out), removed };
}

/** Checks an image file of the folder by its bytes; an SVG comes back cleaned. */
export function checkImage(name: string, bytes: Uint8Array): CheckedImage {
  if (name.toLowerCase().endsWith('.svg')) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, why: 'is not an SVG image (it is not UTF-8 text)' };
    }
    return sanitizeSvg(text);
  }
  return isRasterImage(bytes)
    ? { ok: true, bytes, removed: [] }
    : { ok: false, why: 'is not an image (its bytes are not PNG, JPEG, GIF, WebP or AVIF)' };
}
