import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset URLs so the built app works from any path.
  base: './',
  assetsInclude: ['**/*.geojson'],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: { port: 5173, strictPort: false, open: false },
  preview: { port: 4173, open: false },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
