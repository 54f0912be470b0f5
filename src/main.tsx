import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createRouter } from './router';
import { PRERENDERED_ATTR, RENDER_MODE_ATTR, ROOT_ID } from './firstPaint';
import { rememberTypedBeforeApp } from './lib/typedBeforeApp';
import './styles.css';

const container = document.getElementById(ROOT_ID);
if (!container) throw new Error(`index.html has no #${ROOT_ID} element`);

const router = createRouter();
const app = (
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>
);

/**
 * A prerendered page says which URL it was built for. Only that URL is hydrated: the same
 * HTML served for another address (a query the build did not know, the offline shell) is
 * rendered afresh instead, so hydration never meets markup built for another state.
 */
const builtFor = container.getAttribute(PRERENDERED_ATTR);
if (builtFor !== null && builtFor === location.pathname + location.search) {
  // Hydrate once the loaders (index, essay body) and the lazy route have run, so the first
  // client render is the page the server rendered, not a loading state.
  const whenReady = new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  document.documentElement.setAttribute(RENDER_MODE_ATTR, 'hydrate');
  // As a transition, hydration yields to the browser every few milliseconds instead of
  // blocking it for the whole page: the page is already painted and readable meanwhile.
  void whenReady.then(() => {
    rememberTypedBeforeApp(container);
    startTransition(() => void hydrateRoot(container, app));
  });
} else {
  // Not this page's HTML: drop what was rendered for another URL, body and head alike
  // (React adds this page's own title and meta tags).
  rememberTypedBeforeApp(container);
  container.replaceChildren();
  if (builtFor !== null)
    for (const el of document.head.querySelectorAll(
      'title, meta[name="description"], meta[name="robots"], meta[property], link[rel="canonical"]',
    ))
      el.remove();
  document.documentElement.setAttribute(RENDER_MODE_ATTR, 'client');
  createRoot(container).render(app);
}
