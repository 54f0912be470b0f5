import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { essayPlugin } from './src/pipeline/vitePlugin.ts';

// BASE_PATH lets the static site live in a sub-folder (`/essays/`); it must end with `/`.
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), essayPlugin({ dir: 'content/essays' })],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // Gzipping every one of thousands of essay files just to print sizes slows big builds.
    reportCompressedSize: false,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
