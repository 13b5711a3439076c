import type { Page } from 'playwright-core';

export interface PixelStats {
  distinctColors: number;
  /** Share of sampled pixels within `tolerance` of each named colour. */
  share: Record<string, number>;
}

/** Samples a screenshot's pixels in the page itself (no image library needed). */
export async function pixelStats(page: Page, png: Buffer, colors: Record<string, string>, tolerance = 40): Promise<PixelStats> {
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(
    async ({ dataUrl, colors, tolerance }) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const targets = Object.entries(colors).map(([name, hex]) => {
        const n = parseInt(hex.slice(1), 16);
        return { name, r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, count: 0 };
      });
      const seen = new Set<number>();
      let samples = 0;
      for (let i = 0; i < data.length; i += 4 * 3) {
        const r = data[i], g = data[i + 1], b = data[i + 2];
        seen.add((r << 16) | (g << 8) | b);
        samples++;
        for (const t of targets) {
          if (Math.abs(r - t.r) + Math.abs(g - t.g) + Math.abs(b - t.b) <= tolerance) t.count++;
        }
      }
      const share: Record<string, number> = {};
      for (const t of targets) share[t.name] = t.count / samples;
      return { distinctColors: seen.size, share };
    },
    { dataUrl, colors, tolerance },
  );
}
