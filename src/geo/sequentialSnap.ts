import type { BorderIndex, Snap } from './borderIndex';
import type { LineIndex } from './lineIndex';
import { arcChord2, unitVector } from './nearestOnArc';

const q = new Float64Array(3);

/**
 * Snaps a sequence of points (a track) to the border, each search starting from the distance to
 * the segment the previous point snapped to: consecutive points lie near the same stretch, so the
 * tree search prunes almost everything at once. Gives BorderIndex.snap's nearest point, chainage
 * and distance (where two segments meet at the nearest vertex, it may name the other one).
 */
export class SequentialSnapper {
  private line: LineIndex | undefined;
  private segment = -1;

  constructor(private readonly index: BorderIndex) {}

  /** The border's nearest point to (lon, lat), given as numbers already validated (hot path). */
  snap(lon: number, lat: number): Snap {
    const previous = this.line;
    if (previous === undefined) return this.remember(this.index.snap([lon, lat]));
    unitVector(lon, lat, q, 0);
    const v = previous.xyz, k = 3 * this.segment;
    let bestLine = previous, bestSegment = this.segment;
    let best = arcChord2(v[k], v[k + 1], v[k + 2], v[k + 3], v[k + 4], v[k + 5], q[0], q[1], q[2]);
    for (const line of this.index.lines) {
      const segment = line.nearestSegment(lon, lat, best);
      if (segment >= 0) {
        bestLine = line;
        bestSegment = segment;
        best = line.lastChord2;
      }
    }
    return this.remember(bestLine.namedSnapOnSegment(bestSegment, lon, lat));
  }

  private remember(snap: Snap): Snap {
    this.line = this.index.line(snap.lineId);
    this.segment = snap.segment;
    return snap;
  }
}
