/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:essay-data' {
  /** Content-hashed path of the essay index, relative to the site base. */
  export const indexPath: string;
  /** Content-hashed path of the search index, relative to the site base. */
  export const searchPath: string;
}
