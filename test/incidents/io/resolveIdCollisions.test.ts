import { describe, expect, it } from 'vitest';
import { parseIncidents, type Incident } from '../../../src/incidents';
import { resolveIdCollisions } from '../../../src/incidents/io';
import { collection, validFeature } from '../fixtures';

function incidents(...ids: string[]): Incident[] {
  return parseIncidents(collection(...ids.map((id) => validFeature({ id }))), 'test').incidents;
}

describe('resolveIdCollisions', () => {
  it('keeps ids that are free', () => {
    const result = resolveIdCollisions(incidents('a', 'b'), new Set(['c']));
    expect(result.incidents.map((i) => i.id)).toEqual(['a', 'b']);
    expect(result.renamed).toEqual([]);
  });

  it("prefixes a taken id with 'imported-' and reports the rename", () => {
    const result = resolveIdCollisions(incidents('a'), new Set(['a']));
    expect(result.incidents.map((i) => i.id)).toEqual(['imported-a']);
    expect(result.renamed).toEqual([{ from: 'a', to: 'imported-a' }]);
  });

  it('appends -2, -3 when the prefixed id is taken too', () => {
    const result = resolveIdCollisions(incidents('a', 'b'), new Set(['a', 'imported-a', 'b', 'imported-b', 'imported-b-2']));
    expect(result.incidents.map((i) => i.id)).toEqual(['imported-a-2', 'imported-b-3']);
  });

  it('renames the later of two incoming incidents with the same id', () => {
    const [first] = incidents('x');
    if (first === undefined) throw new Error('fixture');
    const result = resolveIdCollisions([first, { ...first }], new Set());
    expect(result.incidents.map((i) => i.id)).toEqual(['x', 'imported-x']);
  });

  it('gives ids that still validate', () => {
    const [renamed] = resolveIdCollisions(incidents('a'), new Set(['a'])).incidents;
    expect(renamed?.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);
  });
});
