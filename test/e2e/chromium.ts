import { existsSync } from 'node:fs';

/** Flags for headless Chromium here: as root, offline, WebGL in software. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  // The page is composited on the CPU; only WebGL goes through SwiftShader (loads ~7% faster here).
  '--disable-gpu-compositing',
];

/**
 * For benchmarks: composited as a browser does by default. With CPU compositing (the tests' speed-up)
 * every map frame's commit copies the WebGL canvas on the main thread (~100 ms a frame here), which
 * would be most of every long task and is no user's setup.
 */
export const BENCH_FLAGS = CHROMIUM_FLAGS.filter((f) => f !== '--disable-gpu-compositing');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to drive: $CHROMIUM_PATH, else Debian's chromium; throws naming what was looked for. */
export function findChromium(): string {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH='${named}' does not exist: point it at a Chromium binary.`);
    return named;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${CANDIDATES.join(', ')}). Install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
  }
  return found;
}
