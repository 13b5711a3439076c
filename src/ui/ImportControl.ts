import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { el } from './dom';
import { Subscriptions } from './subscriptions';

export type ExportFormat = 'geojson' | 'csv';

export interface ImportControlOptions {
  /** Called with the files the user picked or dropped on the map. */
  onFiles: (files: File[]) => void;
  /** Called to export what is shown. */
  onExport: (format: ExportFormat) => void;
  /** Called to remove every imported incident. */
  onClearImported: () => void;
  /** File types offered by the picker; default GeoJSON, CSV and KML. */
  accept?: string;
}

/** Bring your own data: a file picker, drop on the map, export of what is shown. */
export class ImportControl implements IControl {
  private readonly options: ImportControlOptions;
  private map: MapLibreMap | undefined;
  private container: HTMLElement | undefined;
  private input: HTMLInputElement | undefined;
  private clearButton: HTMLButtonElement | undefined;
  private pickButton: HTMLButtonElement | undefined;
  private dropHint: HTMLElement | undefined;
  private listeners = new Subscriptions();

  constructor(options: ImportControlOptions) {
    this.options = options;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    this.listeners = new Subscriptions();
    const root = el('div', 'maplibregl-ctrl maplibregl-ctrl-group data-control');
    const input = el('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = this.options.accept ?? '.geojson,.json,.csv,.tsv,.kml,.kmz,.gpx,.zip,application/geo+json,text/csv,text/tab-separated-values,application/vnd.google-earth.kml+xml,application/gpx+xml';
    input.className = 'data-file-input';
    input.setAttribute('aria-label', 'Import incidents or tracks from a file (GeoJSON, CSV, KML, GPX or zipped shapefile)');
    this.listeners.listen(input, 'change', this.onPick);
    const pick = button('Import…', 'data-import', 'Import incidents or tracks from a GeoJSON, CSV, KML, GPX or zipped shapefile (or drop it on the map)');
    this.listeners.listen(pick, 'click', this.openPicker);
    this.pickButton = pick;
    const geojson = button('Export GeoJSON', 'data-export-geojson', 'Download the incidents shown as GeoJSON');
    this.listeners.listen(geojson, 'click', this.exportGeoJSON);
    const csv = button('Export CSV', 'data-export-csv', 'Download the incidents shown as CSV');
    this.listeners.listen(csv, 'click', this.exportCsv);
    this.clearButton = button('Remove imported', 'data-clear', 'Remove every imported incident');
    this.listeners.listen(this.clearButton, 'click', this.onClear);
    this.clearButton.hidden = true;
    root.append(input, pick, geojson, csv, this.clearButton);
    this.container = root;
    this.input = input;

    this.dropHint = el('div', 'drop-hint', 'Drop a GeoJSON, CSV, KML, GPX or zipped shapefile to import it');
    this.dropHint.hidden = true;
    const target = map.getContainer();
    target.append(this.dropHint);
    this.listeners.listen(target, 'dragover', this.onDragOver);
    this.listeners.listen(target, 'dragleave', this.onDragLeave);
    this.listeners.listen(target, 'drop', this.onDrop);
    return root;
  }

  onRemove(): void {
    this.listeners.dispose();
    this.dropHint?.remove();
    this.container?.remove();
    this.map = undefined;
  }

  /** The Import button, where focus returns after an import's preview. */
  get importButton(): HTMLButtonElement | undefined {
    return this.pickButton;
  }

  /** Shows how many imported incidents there are, offering to remove them. */
  setImportedCount(count: number): void {
    if (!this.clearButton) return;
    this.clearButton.hidden = count === 0;
    this.clearButton.textContent = `Remove imported (${count.toLocaleString('en')})`;
  }

  private readonly openPicker = (): void => this.input?.click();
  private readonly exportGeoJSON = (): void => this.options.onExport('geojson');
  private readonly exportCsv = (): void => this.options.onExport('csv');
  private readonly onClear = (): void => this.options.onClearImported();

  private readonly onPick = (): void => {
    const files = [...(this.input?.files ?? [])];
    if (this.input) this.input.value = '';
    if (files.length > 0) this.options.onFiles(files);
  };

  private readonly onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (this.dropHint) this.dropHint.hidden = false;
  };

  private readonly onDragLeave = (e: DragEvent): void => {
    if (e.target === this.map?.getCanvas() || e.target === this.dropHint) if (this.dropHint) this.dropHint.hidden = true;
  };

  private readonly onDrop = (e: DragEvent): void => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    if (this.dropHint) this.dropHint.hidden = true;
    this.options.onFiles([...e.dataTransfer.files]);
  };
}

function button(label: string, className: string, title: string): HTMLButtonElement {
  const b = el('button', `data-button ${className}`, label);
  b.type = 'button';
  b.title = title;
  return b;
}
