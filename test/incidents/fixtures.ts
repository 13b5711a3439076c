/** Builds a fresh, valid incident feature for each test; pass overrides to break one thing. */
export type Json = Record<string, unknown>;

export function validProperties(overrides: Json = {}): Json {
  return {
    title: 'Test incident',
    date: '2023-03-11',
    date_precision: 'day',
    category: 'airspace',
    actors: ['Iran'],
    location: 'Azerbaijan–Iran border',
    geo_precision: 'region',
    on_border: true,
    description: 'A test incident.',
    quotes: [{ speaker: 'Someone', role: 'spokesperson', text: 'Words.' }],
    sources: [
      {
        title: 'An article',
        publisher: 'A publisher',
        author: 'A. Writer',
        date: '2023-03-20',
        url: 'https://example.org/article',
      },
    ],
    ...overrides,
  };
}

export function validFeature(
  options: { id?: unknown; coordinates?: unknown; geometry?: unknown; properties?: Json } = {},
): Json {
  return {
    type: 'Feature',
    id: 'id' in options ? options.id : 'test-incident',
    geometry: 'geometry' in options ? options.geometry : { type: 'Point', coordinates: options.coordinates ?? [47.5, 39.5] },
    properties: validProperties(options.properties),
  };
}

export function collection(...features: unknown[]): Json {
  return { type: 'FeatureCollection', features };
}

/** A collection holding one feature with these property overrides. */
export function withProperties(overrides: Json): Json {
  return collection(validFeature({ properties: overrides }));
}
