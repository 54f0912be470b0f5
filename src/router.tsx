import { createBrowserRouter, type RouteObject } from 'react-router';
import { loadTerms } from './data/essays';
import { paths } from './paths';
import { Home, homeLoader } from './routes/home';
import { Layout } from './routes/layout';
import { NotFound } from './routes/notFound';
import { ROOT_ID, rootLoader } from './routes/rootData';
import { RouteError } from './routes/routeError';
import { SearchPage } from './routes/search';
import { TagPage, tagLoader } from './routes/tag';
import { Tags } from './routes/tags';
import { ThemePage, themeLoader } from './routes/theme';
import { Themes } from './routes/themes';

// The terms are content-hashed: a new query string never changes them.
const once = () => false;

/** The route table. Pages that need heavy code (the reader) are lazy chunks. */
export const routes: RouteObject[] = [
  {
    id: ROOT_ID,
    Component: Layout,
    loader: rootLoader,
    // The manifest is content-hashed and fixed for the life of the page: never refetch it.
    shouldRevalidate: () => false,
    // If the manifest itself cannot load, this still renders inside the layout.
    ErrorBoundary: RouteError,
    HydrateFallback: () => null,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            path: paths.home.pattern,
            loader: homeLoader,
            Component: Home,
          },
          { path: paths.essay.pattern, lazy: () => import('./routes/essay') },
          // The tag and theme indexes need only the terms; a tag's or theme's list, the
          // catalog (docs/decisions/0011-archive-at-scale.md). Lists load again for each
          // query: the catalog is loaded once, each page's summaries as shown.
          { path: paths.tags.pattern, shouldRevalidate: once, loader: loadTerms, Component: Tags },
          { path: paths.tag.pattern, loader: tagLoader, Component: TagPage },
          {
            path: paths.themes.pattern,
            shouldRevalidate: once,
            loader: loadTerms,
            Component: Themes,
          },
          { path: paths.theme.pattern, loader: themeLoader, Component: ThemePage },
          { path: paths.search.pattern, Component: SearchPage },
          // The reader's own data, read from this device: their own chunks, loaded on use.
          { path: paths.highlights.pattern, lazy: () => import('./routes/highlights') },
          {
            path: paths.library.pattern,
            shouldRevalidate: once,
            loader: loadTerms,
            lazy: () => import('./routes/library'),
          },
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
