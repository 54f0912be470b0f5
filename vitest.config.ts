import { defineConfig } from 'vitest/config';

// Unit tests run without the essay plugin: they call the pipeline directly.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
