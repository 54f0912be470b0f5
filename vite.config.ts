import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { appScriptPlugin } from './src/pipeline/vite/appScript.ts';
import { cspPlugin } from './src/pipeline/vite/csp.ts';
import { autoSaveBytesFrom } from './src/domain/packs.ts';
import { siteConfig } from './src/domain/site.ts';
import {
  archiveOptionsFor,
  essaysDirOf,
  loadEssaysConfig,
  siteEnv,
} from './src/pipeline/read/config.ts';
import { prerenderPlugin } from './src/pipeline/vite/prerender.ts';
import { essayPlugin } from './src/pipeline/vite/essayPlugin.ts';

// Name, address and base path of the published site: src/domain/site.ts (SITE_URL, SITE_NAME,
// BASE_PATH). A SITE_URL with a path (https://example.org/essays/) serves the app from there.
// essays.config.json or .ts, if there is one (src/pipeline/read/config.ts); the environment wins.
const essaysConfig = await loadEssaysConfig(process.cwd());
const site = siteConfig(siteEnv(essaysConfig));
const essaysDir = essaysDirOf(essaysConfig, 'content/essays');

export default defineConfig({
  base: site.basePath,
  plugins: [
    react(),
    essayPlugin({
      dir: essaysDir,
      site,
      archive: archiveOptionsFor(essaysConfig, essaysDir),
      autoSaveBytes: autoSaveBytesFrom(process.env),
    }),
    cspPlugin(),
    appScriptPlugin(),
    // Offline: see src/sw.ts and docs/decisions/0007-offline.md.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: `${site.name} — a library you can read offline`,
        short_name: site.name,
        description: 'Browse, search and read a library of essays, online or off.',
        lang: site.language,
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#fdfcf9',
        theme_color: '#7a3e1d',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // The shell, the manifest and the small files every page may need, and the pack table;
        // the archive itself is saved in packs, in the background (decision 0012).
        // Prerendered pages are not precached: offline, every page renders from the shell.
        globPatterns: [
          'shell.html',
          'assets/**/*.{js,css}',
          '*.{js,svg,webmanifest}',
          'icons/*.png',
          'data/manifest.*.json',
          'data/terms.*.json',
          'data/facets.*.json',
          'data/summaries.*.json',
          'data/search.*.json',
          'data/packs.*.json',
          'data/termlists.*.json',
        ],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
    // Last: renders every page to HTML once the browser build is written.
    prerenderPlugin(),
  ],
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Every module the first page loads statically goes in one group, which stays the
          // entry: otherwise Rolldown split modules that lazy chunks also import (paths,
          // PageMeta, the JSX runtime) into chunks of their own, which cost the first page
          // 0.8–2 KB and a request each (docs/decisions/0015).
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
    chunkSizeWarningLimit: 600,
    // Gzipping every one of thousands of essay files just to print sizes slows big builds.
    reportCompressedSize: false,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: {
    // Built sites and bench corpora (hundreds of thousands of files at 100,000 essays) are
    // not the app's source: watching them ran out of the system's file watchers.
    watch: { ignored: ['**/.tmp/**', '**/dist/**', '**/dist-fixtures/**'] },
  },
});
