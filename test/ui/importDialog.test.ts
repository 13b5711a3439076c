import { describe, expect, it } from 'vitest';
import { matchColumns } from '../../src/incidents/io';
import { mappingKey, rememberedMapping, TEMPLATE_CSV } from '../../src/ui/ImportDialog';
import { importIncidents } from '../../src/incidents/io';

/** A Storage over a Map, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('remembered mappings', () => {
  it('share one key for the same headers in any order', () => {
    expect(mappingKey(['b', 'a'])).toBe(mappingKey(['a', 'b']));
    expect(mappingKey(['a', 'b'])).not.toBe(mappingKey(['a', 'b', 'c']));
  });

  it('come back for the same headers, keeping only columns the file has', () => {
    const storage = memoryStorage();
    const headers = ['When', 'N', 'E'];
    storage.setItem(mappingKey(headers), JSON.stringify({ ...matchColumns(headers), date: ['When'], latitude: ['N', 'Gone'], title: 'not a list' }));
    const mapping = rememberedMapping(storage, headers);
    expect(mapping?.date).toEqual(['When']);
    expect(mapping?.latitude).toEqual(['N']);
    expect(mapping?.title).toEqual([]);
  });

  it('are ignored when storage holds something else or nothing', () => {
    const storage = memoryStorage();
    expect(rememberedMapping(storage, ['a'])).toBeUndefined();
    storage.setItem(mappingKey(['a']), '{not json');
    expect(rememberedMapping(storage, ['a'])).toBeUndefined();
    expect(rememberedMapping(null, ['a'])).toBeUndefined();
  });
});

describe('the template', () => {
  it('imports as one incident with every column matched', () => {
    const result = importIncidents(TEMPLATE_CSV, 'incidents-template.csv');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.incidents[0]).toMatchObject({ title: 'Shots heard across the river', category: 'cross-border-fire', geo_precision: 'near', actors: ['Unknown'] });
    expect(result.incidents[0]?.extra).toBeUndefined();
  });
});
