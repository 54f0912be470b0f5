import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isAppPath } from '../paths';

/**
 * Routes clicks on plain same-site anchors through the router, as `Link` would, so lists can
 * render cheap `<a href>` elements. Modified clicks, other targets, downloads, other origins
 * in-page `#hash` links and files on the same site (isAppPath) keep the browser's own
 * behaviour.
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
      const path = url.pathname.slice(basename.length) || '/';
      // A file on this site (the feed, a PDF) is not a page of the app: the browser opens it.
      if (!isAppPath(path)) return;
      event.preventDefault();
      navigate(path + url.search + url.hash);
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [navigate, basename]);
}
