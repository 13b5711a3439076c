/** Reads the committed data files (test helper; no network). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUTS } from '../../data/build/outputs';
import { ROOT } from '../../data/build/sources';
import type { BorderFC, BorderFeature, LineId } from '../../data/build/borderLines';
import type { SectionFC } from '../../data/build/sections';
import type { StretchFC } from '../../data/build/stretch';

export function committedText(key: keyof typeof OUTPUTS): string {
  return readFileSync(path.join(ROOT, OUTPUTS[key]), 'utf8');
}
export const readBorder = (): BorderFC => JSON.parse(committedText('border')) as BorderFC;
export const readSections = (): SectionFC => JSON.parse(committedText('sections')) as SectionFC;
export const readStretch = (): StretchFC => JSON.parse(committedText('segments')) as StretchFC;

export function line(fc: BorderFC, id: LineId): BorderFeature {
  const f = fc.features.find((x) => x.id === id);
  if (!f) throw new Error(`border.geojson has no line '${id}'`);
  return f;
}
