import { useEffect, useRef, useState } from 'react';
import { essayBodyElement } from '../components/EssayBody';
import { loadEssayPage } from '../data/essays';

/**
 * Previews in the essay: hovering or focusing a link to another essay shows its title and
 * description; a footnote reference shows the footnote, so the reader need not jump down
 * and back. On touch, a tap on a footnote reference opens its preview (with a link to the
 * note) instead of jumping. Esc, moving away or a tap elsewhere closes it. The preview is an
 * element of the app's own (role="tooltip", named by aria-describedby), placed with CSSOM
 * properties, which the Content-Security-Policy allows. Loaded once the reader is
 * interactive.
 */

interface Preview {
  link: HTMLAnchorElement;
  title: string;
  text: string;
  /** For a footnote on touch: where the note itself is. */
  noteHref?: string;
}

const ID = 'link-preview';
const HOVER_DELAY = 250;

function essaySlugOf(link: HTMLAnchorElement): string | null {
  if (link.origin !== location.origin) return null;
  const prefix = `${import.meta.env.BASE_URL}essays/`;
  if (!link.pathname.startsWith(prefix)) return null;
  const slug = decodeURIComponent(link.pathname.slice(prefix.length));
  return /^[a-z0-9-]+$/.test(slug) ? slug : null;
}

function footnoteOf(link: HTMLAnchorElement): string | null {
  if (!link.hasAttribute('data-footnote-ref')) return null;
  const id = decodeURIComponent(link.hash.slice(1));
  const note = id ? document.getElementById(id) : null;
  if (!note) return null;
  const copy = note.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-footnote-backref]').forEach((b) => b.remove());
  return copy.textContent?.trim() ?? null;
}

export default function LinkPreviews({ slug }: { slug: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const timer = useRef(0);

  useEffect(() => {
    const prose = essayBodyElement(slug);
    if (!prose) return;
    let shown: HTMLAnchorElement | null = null;
    const hide = () => {
      clearTimeout(timer.current);
      shown?.removeAttribute('aria-describedby');
      shown = null;
      setPreview(null);
    };
    const open = async (link: HTMLAnchorElement, touch: boolean) => {
      const note = footnoteOf(link);
      let next: Preview | null = null;
      if (note !== null) {
        next = { link, title: 'Footnote', text: note, ...(touch ? { noteHref: link.hash } : {}) };
      } else {
        const target = essaySlugOf(link);
        if (!target || target === slug) return;
        const page = await loadEssayPage(target).catch(() => null);
        if (!page) return;
        next = { link, title: page.essay.title, text: page.essay.description };
      }
      shown?.removeAttribute('aria-describedby');
      shown = link;
      link.setAttribute('aria-describedby', ID);
      setPreview(next);
    };
    const linkIn = (e: Event) =>
      (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;

    const onOver = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const link = linkIn(e);
      if (!link || link === shown) return;
      clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void open(link, false), HOVER_DELAY);
    };
    const onOut = (e: PointerEvent) => {
      const link = linkIn(e);
      const to = e.relatedTarget as Node | null;
      if (!link || (to && (link.contains(to) || box.current?.contains(to)))) return;
      hide();
    };
    const onFocus = (e: FocusEvent) => {
      const link = linkIn(e);
      if (link) void open(link, false);
    };
    const onBlur = (e: FocusEvent) => {
      if (!box.current?.contains(e.relatedTarget as Node | null)) hide();
    };
    const onClick = (e: MouseEvent) => {
      const link = linkIn(e);
      // A tap on a footnote reference previews it; the preview links to the note.
      if (link && (e as PointerEvent).pointerType === 'touch' && footnoteOf(link) !== null) {
        e.preventDefault();
        void open(link, true);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && shown) {
        // Closes the preview only; the reader's Esc (back to the list) waits for the next.
        e.preventDefault();
        hide();
      }
    };
    const onDocPointer = (e: PointerEvent) => {
      if (shown && !shown.contains(e.target as Node) && !box.current?.contains(e.target as Node))
        hide();
    };
    // Says the previews listen (tests wait on it).
    document.documentElement.dataset.previews = 'ready';
    const listening: [EventTarget, string, EventListener][] = [
      [prose, 'pointerover', onOver as EventListener],
      [prose, 'pointerout', onOut as EventListener],
      [prose, 'focusin', onFocus as EventListener],
      [prose, 'focusout', onBlur as EventListener],
      [prose, 'click', onClick as EventListener],
      [document, 'keydown', onKey as EventListener],
      [document, 'pointerdown', onDocPointer as EventListener],
    ];
    for (const [target, type, listener] of listening) target.addEventListener(type, listener);
    return () => {
      hide();
      for (const [target, type, listener] of listening) target.removeEventListener(type, listener);
    };
  }, [slug]);

  // Below the link, kept inside the window.
  useEffect(() => {
    const el = box.current;
    if (!el || !preview) return;
    const rect = preview.link.getBoundingClientRect();
    const width = Math.min(360, window.innerWidth - 16);
    el.style.width = `${width}px`;
    el.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))}px`;
    const below = rect.bottom + 8;
    const height = el.offsetHeight;
    el.style.top = `${below + height > window.innerHeight ? Math.max(8, rect.top - height - 8) : below}px`;
  }, [preview]);

  if (!preview) return null;
  return (
    <div
      id={ID}
      ref={box}
      role="tooltip"
      className="link-preview"
      onPointerLeave={(e) => {
        if (!preview.link.contains(e.relatedTarget as Node | null)) setPreview(null);
      }}
    >
      <p className="link-preview-title">{preview.title}</p>
      <p>{preview.text}</p>
      {preview.noteHref ? (
        <p>
          <a href={preview.noteHref}>Go to the note</a>
        </p>
      ) : null}
    </div>
  );
}
