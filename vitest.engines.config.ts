import { defineConfig } from 'vitest/config';

// The cross-engine smoke suite (tests/engines): Firefox ESR and WebKitGTK against dist/, one
// browser at a time (a 2-core machine runs the Chromium suite's two workers before it).
export default defineConfig({
  test: {
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
