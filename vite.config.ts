import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';

/** What the app may load: only its own files, plus data: and blob: images and blob: workers (MapLibre's). */
const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
  "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'",
].join('; ');

/** Headers a host should send with the built app (README, "Security headers"); `vite preview` sends them. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
};

/** Puts the CSP in the built index.html only: the dev server injects inline styles for hot reload. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative asset URLs so the built app works from any path.
  base: './',
  plugins: [contentSecurityPolicy()],
  assetsInclude: ['**/*.geojson'],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: { port: 5173, strictPort: false, open: false },
  preview: { port: 4173, open: false, headers: SECURITY_HEADERS },
  // The import worker loads shpjs on first use: module workers can split code, classic ones cannot.
  worker: { format: 'es' },
  build: {
    chunkSizeWarningLimit: 2000,
    // Data files stay files: inlined as data: URLs, the map's fetches would need connect-src data:.
    assetsInlineLimit: (file) => (file.endsWith('.geojson') ? false : undefined),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**'], testTimeout: 60_000,
          // Unit tests first, then the browser tests, each group with its own number of workers:
          // every core here (vitest's default leaves one idle, which on 2 cores halves the speed).
          sequence: { groupOrder: 0 },
          maxWorkers: availableParallelism(),
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
