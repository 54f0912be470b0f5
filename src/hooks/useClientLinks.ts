import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Routes clicks on plain same-site anchors through the router, as `Link` would, so lists can
 * render cheap `<a href>` elements. Modified clicks, other targets, downloads, other origins
 * and in-page `#hash` links keep the browser's own behaviour.
 */
export function useClientLinks(basename: string): void {
  const navigate = useNavigate();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (
        url.pathname === window.location.pathname &&
        url.search === window.location.search &&
        url.hash
      )
        return;
      if (basename && !url.pathname.startsWith(basename)) return;
      event.preventDefault();
      navigate(url.pathname.slice(basename.length) + url.search + url.hash);
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [navigate, basename]);
}
