import { createBrowserRouter } from 'react-router';
import { paths } from './paths';
import { Home, loader as homeLoader } from './routes/home';
import { Layout } from './routes/layout';
import { NotFound } from './routes/notFound';
import { RouteError } from './routes/routeError';

/** The route table. Pages that need heavy code (the reader) are lazy chunks. */
export function createRouter() {
  return createBrowserRouter(
    [
      {
        Component: Layout,
        children: [
          {
            ErrorBoundary: RouteError,
            children: [
              { path: paths.home.pattern, Component: Home, loader: homeLoader },
              { path: paths.essay.pattern, lazy: () => import('./routes/essay') },
              { path: '*', Component: NotFound },
            ],
          },
        ],
      },
    ],
    // The site may live in a sub-folder; Vite's BASE_URL always ends with `/`.
    { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' },
  );
}
