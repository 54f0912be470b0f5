import { createBrowserRouter, type RouteObject } from 'react-router';
import { paths } from './paths';
import { Home } from './routes/home';
import { Layout } from './routes/layout';
import { NotFound } from './routes/notFound';
import { ROOT_ID, rootLoader } from './routes/rootData';
import { RouteError } from './routes/routeError';
import { SearchPage } from './routes/search';
import { TagPage } from './routes/tag';
import { Tags } from './routes/tags';
import { ThemePage } from './routes/theme';
import { Themes } from './routes/themes';

/** The route table. Pages that need heavy code (the reader) are lazy chunks. */
export const routes: RouteObject[] = [
  {
    id: ROOT_ID,
    Component: Layout,
    loader: rootLoader,
    // The index is content-hashed and fixed for the life of the page: never refetch it.
    shouldRevalidate: () => false,
    // If the index itself cannot load, this still renders inside the layout.
    ErrorBoundary: RouteError,
    HydrateFallback: () => null,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { path: paths.home.pattern, Component: Home },
          { path: paths.essay.pattern, lazy: () => import('./routes/essay') },
          { path: paths.tags.pattern, Component: Tags },
          { path: paths.tag.pattern, Component: TagPage },
          { path: paths.themes.pattern, Component: Themes },
          { path: paths.theme.pattern, Component: ThemePage },
          { path: paths.search.pattern, Component: SearchPage },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
];

/** The site may live in a sub-folder; Vite's BASE_URL always ends with `/`. */
export const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

export function createRouter() {
  return createBrowserRouter(routes, { basename });
}
