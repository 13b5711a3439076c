import type { Map as MapLibreMap } from 'maplibre-gl';

/** One coloured entry drawn in the image's legend. */
export interface ImageLegendEntry {
  color: string;
  label: string;
}

export interface MapImageOptions {
  /** First line of the header; default "Azerbaijan–Iran border incidents". */
  title?: string;
  /** Second line of the header (e.g. the date range); default none. */
  subtitle?: string;
  /** Category colours and names drawn along the bottom; default none. */
  legend?: readonly ImageLegendEntry[];
  /** Text drawn at the bottom right; default the map's own attribution, else "© OpenStreetMap contributors (ODbL)". */
  attribution?: string;
}

const HEADER = 52;
const FOOTER = 56;

/** A round length (1, 2 or 5 × 10^n km) whose scale bar is at most `maxPx` long, and its length in px. */
export function scaleBar(metersPerPixel: number, maxPx: number): { km: number; px: number } {
  const maxKm = (metersPerPixel * maxPx) / 1000;
  const pow = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((f) => f * pow).find((v) => v <= maxKm) ?? pow;
  return { km, px: (km * 1000) / metersPerPixel };
}

/** Metres per CSS pixel at the map's centre (web Mercator, 512-px tiles). */
function metersPerPixel(map: MapLibreMap): number {
  return (40075016.686 * Math.cos((map.getCenter().lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
}

/** Draws the current view on the next frame, with a title, legend, scale and attribution, as a PNG. */
export function renderMapImage(map: MapLibreMap, options: MapImageOptions = {}): Promise<Blob> {
  return new Promise((resolve, reject) => {
    // The map's drawing buffer is only readable in the frame it was drawn: copy it then.
    map.once('render', () => {
      try {
        const source = map.getCanvas();
        const ratio = source.width / Math.max(1, source.clientWidth);
        const out = document.createElement('canvas');
        out.width = source.width;
        out.height = source.height + Math.round((HEADER + FOOTER) * ratio);
        const g = out.getContext('2d');
        if (!g) throw new Error('This browser cannot draw images (no 2D canvas).');
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, out.width, out.height);
        g.drawImage(source, 0, Math.round(HEADER * ratio));
        g.scale(ratio, ratio);
        const w = source.clientWidth;
        const h = source.clientHeight;
        const font = 'system-ui, "Noto Sans", sans-serif';
        g.fillStyle = '#111111';
        g.font = `600 18px ${font}`;
        g.fillText(options.title ?? 'Azerbaijan–Iran border incidents', 12, 24);
        g.font = `13px ${font}`;
        g.fillStyle = '#333333';
        if (options.subtitle) g.fillText(options.subtitle, 12, 43);
        const y0 = HEADER + h;
        let x = 12;
        g.font = `12px ${font}`;
        for (const entry of options.legend ?? []) {
          const width = g.measureText(entry.label).width;
          if (x + width + 24 > w - 12) break;
          g.beginPath();
          g.arc(x + 6, y0 + 16, 6, 0, Math.PI * 2);
          g.fillStyle = entry.color;
          g.fill();
          g.strokeStyle = 'rgba(0,0,0,.5)';
          g.stroke();
          g.fillStyle = '#222222';
          g.fillText(entry.label, x + 16, y0 + 20);
          x += width + 30;
        }
        const bar = scaleBar(metersPerPixel(map), 120);
        g.strokeStyle = '#222222';
        g.lineWidth = 2;
        g.beginPath();
        g.moveTo(12, y0 + 34);
        g.lineTo(12, y0 + 40);
        g.lineTo(12 + bar.px, y0 + 40);
        g.lineTo(12 + bar.px, y0 + 34);
        g.stroke();
        g.fillStyle = '#222222';
        g.fillText(`${bar.km} km`, 18 + bar.px, y0 + 44);
        const shown = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim();
        const attribution = options.attribution ?? (shown || '© OpenStreetMap contributors (ODbL)');
        g.textAlign = 'right';
        g.fillText(attribution, w - 12, y0 + 44);
        out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png');
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    map.triggerRepaint();
  });
}
