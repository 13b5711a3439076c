/** What the accessibility browser tests share: axe-core, the sizes, focus and viewport checks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where the screenshots go: test-results/, or the README's docs/ when DOCS_SCREENSHOTS=1 (to refresh them on purpose). */
export const DOCS = process.env.DOCS_SCREENSHOTS === '1' ? 'docs' : 'test-results';
mkdirSync(DOCS, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const FLIGHT = '2023-03-11-aircraft-flight-zangilan-bilasuvar';
/** Points that mark the border's extent: both ends of the Nakhchivan line, the tripoint, where the Aras is left, the coast. */
export const BORDER_POINTS: [number, number][] = [[44.80938, 39.62734], [46.14486, 38.8422], [46.53398, 38.86717], [47.98561, 39.70915], [48.88229, 38.44179]];

export interface Size { name: string; viewport: { width: number; height: number }; touch: boolean }
export const SIZES: Size[] = [
  { name: 'phone', viewport: { width: 375, height: 812 }, touch: true },
  { name: 'tablet', viewport: { width: 768, height: 1024 }, touch: false },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false },
];

interface Finding { id: string; impact: string; targets: string[]; why: string }
interface AxeResult { violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }
interface AxeWindow { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }

/** axe-core's WCAG 2.2 AA findings on the page as it is now. */
export async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as AxeWindow).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'none', targets: v.nodes.map((n) => n.target.join(' ')), why: v.nodes[0]?.failureSummary ?? '' }));
  }, TAGS);
}

const counts: Record<string, Record<string, number>> = {};

/** Writes the findings recorded so far by impact, for the README's table (one file per test file). */
export function writeAxeCounts(name: string): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/axe-counts-${name}.json`, JSON.stringify(counts, null, 2));
}

/** Records the findings by impact under `label` and expects no critical or serious one. */
export async function expectNoSeriousFindings(page: Page, label: string): Promise<void> {
  const findings = await axe(page);
  const byImpact: Record<string, number> = {};
  for (const f of findings) byImpact[f.impact] = (byImpact[f.impact] ?? 0) + f.targets.length;
  counts[label] = byImpact;
  expect(findings.filter((f) => f.impact === 'critical' || f.impact === 'serious')).toEqual([]);
}

/** Where a lon/lat lies in the page, from the map's camera (web Mercator, 512-px tiles). */
export async function projectFromHash(page: Page, points: [number, number][]): Promise<{ x: number; y: number }[]> {
  return page.evaluate((pts) => {
    const [zoom, lat, lon] = (document.documentElement.dataset.mapView ?? '').split('/').map(Number);
    const rect = (document.getElementById('map') as HTMLElement).getBoundingClientRect();
    const scale = 512 * 2 ** zoom;
    const mx = (lng: number): number => ((lng + 180) / 360) * scale;
    const my = (la: number): number => ((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * scale;
    return pts.map(([x, y]) => ({ x: rect.left + rect.width / 2 + mx(x) - mx(lon), y: rect.top + rect.height / 2 + my(y) - my(lat) }));
  }, points);
}

/** The boxes of everything drawn over the map: controls, panels, notices. */
export async function overlayBoxes(page: Page): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll('.maplibregl-ctrl, .notice')]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })));
}

/** Expects what shows of `selector` (its popup, when it is in one) to lie inside the viewport. */
export async function expectInsideViewport(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).evaluate((e) => {
    const r = (e.closest('.maplibregl-popup') ?? e).getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error(`${selector} is not shown`);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
}

export const focusedIncident = (page: Page): Promise<string | null> =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.incidentId ?? null);

/** Presses Tab until `selector` has focus (at most `max` times); true when it got there. */
export async function tabTo(page: Page, selector: string, max = 120): Promise<boolean> {
  // The page's sequential order (no positive tabindex here) says about how many presses: all but the last
  // few are made without looking, then each is checked (an element counted that cannot take focus would overshoot).
  const presses = await page.evaluate((s) => {
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0
        && getComputedStyle(e).visibility === 'visible' && !e.closest('[inert]'));
    const from = all.indexOf(document.activeElement as HTMLElement);
    const to = all.findIndex((e) => e.matches(s) && all.indexOf(e) > from);
    return to < 0 ? 0 : Math.max(0, to - from - 3);
  }, selector);
  for (let i = 0; i < Math.min(presses, max); i++) await page.keyboard.press('Tab');
  for (let i = presses; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press('Tab');
  }
  return false;
}

