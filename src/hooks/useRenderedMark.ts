import { useEffect } from 'react';
import { RENDERED_ATTR, RENDER_MODE_ATTR } from '../firstPaint';

/**
 * Marks <html> once the page is committed (hydrated or rendered, handlers attached): from
 * then on keys and clicks are the app's. Tests wait for this mark before they act. Used by
 * the layout and by the root error screen, whichever the page shows.
 */
export function useRenderedMark(): void {
  useEffect(() => {
    const root = document.documentElement;
    const mode = root.getAttribute(RENDER_MODE_ATTR) === 'hydrate' ? 'hydrated' : 'client';
    root.setAttribute(RENDERED_ATTR, mode);
  }, []);
}
