/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:essay-data' {
  /** Content-hashed path of the essay index, relative to the site base. */
  export const indexPath: string;
  /** Content-hashed path of the search index, relative to the site base. */
  export const searchPath: string;
  /** The site's name and published address (src/domain/site.ts). */
  export const site: { name: string; url: string; description: string; language: string };
}
