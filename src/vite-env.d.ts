/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:essay-data' {
  /** Content-hashed path of the archive manifest, relative to the site base. */
  export const manifestPath: string;
  /** Content-hashed path of the search index, relative to the site base. */
  export const searchPath: string;
  /** The site's name and published address (src/domain/site.ts). */
  export const site: { name: string; url: string | null; description: string; language: string };
  /** Whether the build wrote EPUB books (src/pipeline/emit/epub.ts). */
  export const books: boolean;
}
