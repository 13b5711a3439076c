import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A build served on localhost. */
export interface ServedBuild {
  url: string;
  /** The directory served: the build, or its copy with other incidents. */
  dir: string;
  close(): Promise<void>;
}

/**
 * Serves `outDir`; with `incidents` (a GeoJSON text), serves a copy of it whose incidents file holds
 * them instead: generated incidents arrive as a file, as the committed ones do (a Playwright route
 * cannot carry 300,000 of them: the browser's connection drops).
 */
export async function serveBuild(outDir: string, incidents: string | null = null, name = 'copy'): Promise<ServedBuild> {
  let dir = outDir;
  if (incidents !== null) {
    dir = `${ROOT}node_modules/.bench-data/${name}`;
    rmSync(dir, { recursive: true, force: true });
    cpSync(outDir, dir, { recursive: true });
    const files = readdirSync(`${dir}/assets`).filter((f) => /^incidents[^/]*\.geojson$/.test(f));
    if (files.length !== 1) throw new Error(`${outDir}/assets holds ${files.length} incidents files, expected 1`);
    writeFileSync(`${dir}/assets/${files[0]}`, incidents);
  }
  const server: PreviewServer = await preview({ root: ROOT, build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite preview of ${dir} gave no URL`);
  return { url, dir, close: () => server.close() };
}
