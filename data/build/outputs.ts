/** The committed files the build writes, relative to the project root. */
export const OUTPUTS = {
  border: 'data/border.geojson',
  sections: 'data/border-sections.geojson',
  segments: 'data/segments.geojson',
  landRegion: 'data/basemap/land-region.geojson',
  boundaries: 'data/basemap/boundaries.geojson',
  worldLand: 'data/basemap/world-land.geojson',
  places: 'data/basemap/places.geojson',
  countryLabels: 'data/basemap/country-labels.geojson',
  crossings: 'data/basemap/crossings.geojson',
} as const;
