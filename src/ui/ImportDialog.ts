import {
  IMPORT_FIELDS, MULTI_COLUMN_FIELDS,
  type ColumnMapping, type DayOrder, type ImportChoice, type ImportField, type ImportProgress, type ImportSession, type ImportStage, type PreviewSummary, type ProblemSummary,
} from '../incidents/io';
import { lengthKm } from '../geo';
import type { Incident } from '../incidents';
import { downloadText, el } from './dom';
import './importDialog.css';

export interface ImportDialogOptions {
  /** Where the dialog is put while open; default document.body. */
  parent?: HTMLElement;
  /** Gets the focus back when the dialog closes; default the element focused when it opened. */
  returnFocus?: HTMLElement | null;
  /** Remembers each set of headers' mapping; default window.localStorage, null to remember nothing. */
  storage?: Storage | null;
}

const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  id: 'Id', title: 'Title', date: 'Date', latitude: 'Latitude', longitude: 'Longitude', description: 'Description', location: 'Place',
  actors: 'Actors', category: 'Category', source: 'Source', geo_precision: 'Location precision', date_precision: 'Date precision',
};

const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON', kml: 'KML', gpx: 'GPX' } as const;

/** A CSV with our column names and one example row, for analysts starting a sheet. */
export const TEMPLATE_CSV = [
  'title,date,latitude,longitude,location,category,actors,description,source_url,geo_precision',
  'Shots heard across the river,2024-02-10,39.45,47.33,Horadiz,cross-border-fire,Unknown,"Reported by residents, unconfirmed.",https://example.org/report,near',
].join('\r\n') + '\r\n';

const STORAGE_PREFIX = 'import-mapping:';

/** The storage key of a set of headers: the same columns in any order share a remembered mapping. */
export function mappingKey(headers: readonly string[]): string {
  return STORAGE_PREFIX + JSON.stringify([...headers].sort());
}

/** A remembered mapping for these headers, kept only where it names columns the file has. */
export function rememberedMapping(storage: Storage | null, headers: readonly string[]): ColumnMapping | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(mappingKey(headers)) ?? 'null') as unknown;
  } catch {
    return undefined;
  }
  if (typeof saved !== 'object' || saved === null) return undefined;
  const known = new Set(headers);
  const entries = IMPORT_FIELDS.map((field) => {
    const columns = (saved as Record<string, unknown>)[field];
    return [field, Array.isArray(columns) ? columns.filter((c): c is string => typeof c === 'string' && known.has(c)) : []] as const;
  });
  return Object.fromEntries(entries) as unknown as ColumnMapping;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

const STAGE_LABELS: Readonly<Record<ImportStage, string>> = { reading: 'Reading the file', checking: 'Checking', storing: 'Storing the incidents' };

/** How long a file may take to read before the dialog opens to show progress (a small file opens with its preview). */
const SHOW_PROGRESS_AFTER_MS = 300;

/** A progress bar with a stage label: the label is a live region that changes per stage, not per step. */
function progressBlock(noun: () => string): { element: HTMLElement; show: (p: ImportProgress) => void; hide: () => void } {
  const element = el('div', 'import-progress');
  const label = el('p', 'import-progress-label');
  label.setAttribute('role', 'status');
  label.id = `import-progress-${Math.random().toString(36).slice(2)}`;
  const bar = el('progress');
  bar.setAttribute('aria-labelledby', label.id);
  const figures = el('span', 'import-progress-figures');
  element.append(label, bar, figures);
  element.hidden = true;
  let stage: ImportStage | undefined;
  return {
    element,
    show: (p) => {
      element.hidden = false;
      if (stage !== p.stage) {
        stage = p.stage;
        label.textContent = `${STAGE_LABELS[p.stage]}${p.stage === 'checking' ? ` ${noun()}s` : ''}…`;
      }
      bar.max = Math.max(1, p.total);
      bar.value = Math.min(p.done, p.total);
      figures.textContent = p.stage === 'reading' ? ` ${Math.round((100 * p.done) / Math.max(1, p.total))}%` : ` ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}`;
    },
    hide: () => {
      element.hidden = true;
      stage = undefined;
    },
  };
}

/**
 * Shows what importing a file would do, before anything is stored: its name and format, how many
 * records were read, the column mapping (a select per field, remembered per set of headers), the
 * day order when its numeric dates could be read either way, problems summed up by kind and listed
 * by record on demand (bounded), and the first incidents as they will be imported. The work runs
 * in the session (a worker): a large file shows a progress bar while it is read, checked and
 * stored, and Cancel (or Escape) stops it at any point with nothing stored. A file that cannot be
 * read at all opens no dialog (the caller reports it). Resolves when the import is committed or
 * cancelled; focus then returns where it was.
 */
export async function openImportDialog(session: ImportSession, options: ImportDialogOptions = {}): Promise<void> {
  const storage = options.storage === undefined ? safeLocalStorage() : options.storage;
  const returnFocus = options.returnFocus === undefined ? (document.activeElement as HTMLElement | null) : options.returnFocus;
  const started = performance.now();
  const reading = session.read();
  const early = await Promise.race([reading, new Promise<undefined>((resolve) => setTimeout(resolve, SHOW_PROGRESS_AFTER_MS))]);
  if (early === null || (early !== undefined && 'fileError' in early)) return;

  const dialog = el('dialog', 'import-dialog');
  const titleId = `import-dialog-title-${Math.random().toString(36).slice(2)}`;
  dialog.setAttribute('aria-labelledby', titleId);
  const heading = el('h2', undefined, `Import ${session.fileName}`);
  heading.id = titleId;
  let noun = 'record';
  const progress = progressBlock(() => noun);
  const summary = el('p', 'import-summary');
  const mappingSection = el('section', 'import-mapping-section');
  const dayOrderSection = el('section', 'import-day-order');
  const problemsSection = el('section', 'import-problems');
  const previewSection = el('section', 'import-preview');
  const actions = el('div', 'import-actions');
  const template = button('Download a template (CSV)', 'import-template');
  const cancel = button('Cancel', 'import-cancel');
  const confirm = button('Import', 'import-confirm');
  confirm.disabled = true;
  actions.append(template, cancel, confirm);
  dialog.append(heading, progress.element, summary, mappingSection, dayOrderSection, problemsSection, previewSection, actions);
  const unlisten = session.onProgress(progress.show);

  let committing = false;
  let finish: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    finish = resolve;
    template.addEventListener('click', () => downloadText(TEMPLATE_CSV, 'incidents-template.csv', 'text/csv'));
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      // Closing before the write (Cancel, Escape) stops the work: nothing is stored.
      session.cancel();
      unlisten();
      dialog.remove();
      returnFocus?.focus();
      resolve();
    });
  });
  // Opened at once for a file still being read (to show progress); a quick one opens with its preview.
  let shown = false;
  const show = (): void => {
    if (shown) return;
    shown = true;
    (options.parent ?? document.body).append(dialog);
    dialog.showModal();
    cancel.focus();
  };
  const timer = setTimeout(show, early === undefined ? 0 : Math.max(0, SHOW_PROGRESS_AFTER_MS - (performance.now() - started)));

  // However the work ends (stored, failed, cancelled), the dialog goes: the caller reports the outcome.
  void session.ended.then(() => {
    clearTimeout(timer);
    if (dialog.open) dialog.close();
    else if (!shown) finish();
  });
  const read = await reading;
  if (read === null || 'fileError' in read) return closed;
  const { table } = read;
  noun = table.noun;
  let choice: ImportChoice = { mapping: rememberedMapping(storage, table.headers) ?? read.proposed.mapping, dayOrder: read.proposed.dayOrder };
  summary.textContent = `${table.originalFormat ?? `${FORMAT_NAMES[table.format]} file`}, ${plural(table.records, table.noun)} read.`;

  const selects = new Map<ImportField, HTMLSelectElement>();
  const alsoNotes = new Map<ImportField, HTMLElement>();
  if (table.headers.length > 0) {
    mappingSection.append(el('h3', undefined, 'Columns'));
    const note = el('p', undefined, table.format === 'csv' ? 'How the file’s columns fill our fields. Columns not used are kept as “More fields”.' : 'How the file’s fields fill ours. Fields not used are kept as “More fields”.');
    const mappingTable = el('table', 'import-mapping');
    const body = el('tbody');
    for (const field of IMPORT_FIELDS) {
      const row = el('tr');
      const select = el('select');
      select.name = `map-${field}`;
      select.setAttribute('aria-label', `Column for ${FIELD_LABELS[field]}`);
      select.append(new Option('(none)', ''));
      for (const header of table.headers) select.append(new Option(header, header));
      select.value = choice.mapping[field][0] ?? '';
      select.addEventListener('change', () => {
        const rest = MULTI_COLUMN_FIELDS.has(field) ? choice.mapping[field].slice(1).filter((c) => c !== select.value) : [];
        choice = { ...choice, mapping: { ...choice.mapping, [field]: select.value === '' ? [] : [select.value, ...rest] } };
        void update();
      });
      selects.set(field, select);
      const label = el('td', undefined, FIELD_LABELS[field]);
      const cell = el('td');
      const also = el('span', 'import-also');
      alsoNotes.set(field, also);
      cell.append(select, also);
      row.append(label, cell);
      body.append(row);
    }
    mappingTable.append(body);
    mappingSection.append(note, mappingTable);
  }

  let preview: PreviewSummary | undefined;
  let asked = false;
  /** Asks for the preview of the current choice; an answer overtaken by a later change is dropped. */
  const update = async (): Promise<void> => {
    confirm.disabled = true;
    const next = await session.preview(choice, (early) => {
      renderEarly(early);
      show();
    });
    if (next === null) return;
    const first = preview === undefined;
    preview = next;
    progress.hide();
    render(next);
    if (!first) return;
    clearTimeout(timer);
    const showingProgress = shown;
    show();
    // Focus moves to Import once the first preview is in, unless the user has been working in the dialog meanwhile.
    if (dialog.open && !confirm.disabled && (!showingProgress || document.activeElement === cancel)) confirm.focus();
  };

  const render = (p: PreviewSummary): void => {
    const n = p.incidents;
    summary.textContent = `${table.originalFormat ?? `${FORMAT_NAMES[table.format]} file`}, ${plural(table.records, table.noun)} read; ${plural(n, 'incident')} to import.`;
    for (const [field, note] of alsoNotes) {
      const more = choice.mapping[field].slice(1);
      note.textContent = more.length > 0 ? ` and ${more.join(', ')}` : '';
    }
    renderDayOrder(p);
    renderProblems(p);
    renderPreview(p);
    confirm.textContent = n > 0 ? `Import ${plural(n, 'incident')}` : 'Import nothing';
    confirm.disabled = n === 0 || committing;
  };

  /** A large file's first records, shown while the rest is checked: no counts or problems yet, and nothing to confirm. */
  const renderEarly = (p: PreviewSummary): void => {
    summary.textContent = `${table.originalFormat ?? `${FORMAT_NAMES[table.format]} file`}, ${plural(table.records, table.noun)} read; checking them all…`;
    problemsSection.replaceChildren();
    renderPreview(p);
    confirm.textContent = 'Import';
    confirm.disabled = true;
  };

  const renderDayOrder = (p: PreviewSummary): void => {
    dayOrderSection.replaceChildren();
    const forms = p.dateForms.filter(([form]) => form !== 'ISO').map(([form, count]) => `${count.toLocaleString('en')} ${form}`);
    if (forms.length > 0) dayOrderSection.append(el('p', undefined, `Dates read: ${forms.join(', ')}; each keeps the date as written.`));
    if (p.detectedDayOrder !== 'ambiguous' && !asked) return;
    asked = true;
    const fieldset = el('fieldset');
    fieldset.append(el('legend', undefined, 'Every numeric date in this file could be day first or month first. How are they written?'));
    const current: DayOrder = choice.dayOrder ?? 'day-first';
    for (const [order, text] of [['day-first', 'Day first: 03/04/2023 is 3 April 2023'], ['month-first', 'Month first: 03/04/2023 is March 4, 2023']] as const) {
      const label = el('label');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'day-order';
      radio.value = order;
      radio.checked = order === current;
      radio.addEventListener('change', () => {
        choice = { ...choice, dayOrder: order };
        void update().then(() => (dayOrderSection.querySelector(`input[value="${order}"]`) as HTMLInputElement | null)?.focus());
      });
      label.append(radio, document.createTextNode(` ${text}`));
      fieldset.append(label, el('br'));
    }
    dayOrderSection.append(fieldset);
  };

  const renderProblems = (p: PreviewSummary): void => {
    problemsSection.replaceChildren();
    const part = (problems: ProblemSummary, title: string, className: string): void => {
      if (problems.count === 0) return;
      const box = el('div', className);
      box.append(el('h3', undefined, title));
      const list = el('ul');
      for (const g of problems.groups) {
        const li = el('li', undefined, `${plural(g.count, g.noun ?? table.noun)}: ${g.kind}`);
        const examples = el('ul', 'import-problem-examples');
        for (const e of g.examples) examples.append(el('li', undefined, e));
        li.append(examples);
        list.append(li);
      }
      box.append(list);
      const details = el('details');
      details.append(el('summary', undefined, `List each by ${table.noun}`));
      // Built when opened, and never more than the session's list limit, whatever the file holds.
      details.addEventListener('toggle', () => {
        if (!details.open || details.querySelector('ol')) return;
        const all = el('ol');
        for (const message of problems.listed) all.append(el('li', undefined, message));
        details.append(all);
        const more = problems.count - problems.listed.length;
        if (more > 0) details.append(el('p', undefined, `${more.toLocaleString('en')} more not listed.`));
      });
      box.append(details);
      problemsSection.append(box);
    };
    part(p.errors, `${plural(p.errors.records, table.noun)} will be skipped`, 'import-errors');
    part(p.warnings, 'Imported, but worth a look', 'import-warnings');
  };

  const renderPreview = (p: PreviewSummary): void => {
    previewSection.replaceChildren();
    const shown = p.first;
    if (shown.length === 0) return;
    const of = p.checked < table.records ? `the first ${plural(p.checked, table.noun)}` : plural(p.incidents, 'incident');
    previewSection.append(el('h3', undefined, `First ${shown.length} of ${of} as they will be imported`));
    const tracks = table.noun === 'track';
    const wrap = el('div', 'import-preview-wrap');
    // It scrolls: keyboard users reach it by Tab and scroll it with the arrows.
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', tracks ? 'Tracks as they will be imported' : 'Incidents as they will be imported');
    const t = el('table');
    const head = el('tr');
    const columns = tracks ? ['Track', 'Start (UTC)', 'Positions', 'Duration', 'Length'] : ['Title', 'Date', 'Category', 'Place', 'Latitude', 'Longitude', 'Other fields'];
    for (const h of columns) head.append(el('th', undefined, h));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const i of shown) {
      const tr = el('tr');
      const date = i.date_original !== undefined ? `${i.date} (${i.date_original})` : i.date;
      const extra = Object.keys(i.extra ?? {}).length;
      const cells = tracks ? trackCells(i) : [i.title, date, i.category, i.location, String(i.coordinates[1]), String(i.coordinates[0]), extra === 0 ? '' : String(extra)];
      for (const cell of cells) tr.append(el('td', undefined, cell));
      tbody.append(tr);
    }
    t.append(thead, tbody);
    wrap.append(t);
    previewSection.append(wrap);
  };

  confirm.addEventListener('click', () => {
    if (preview === undefined || committing) return;
    committing = true;
    confirm.disabled = true;
    for (const select of selects.values()) select.disabled = true;
    for (const radio of dayOrderSection.querySelectorAll('input')) radio.disabled = true;
    if (table.headers.length > 0) {
      try {
        storage?.setItem(mappingKey(table.headers), JSON.stringify(choice.mapping));
      } catch {
        // A full or refused storage only means the mapping is asked again next time.
      }
    }
    cancel.focus();
    void session.commit(choice).then(() => {
      if (dialog.open) dialog.close();
    });
  });

  void update();
  return closed;
}

/** A track as the preview lists it: name, start, positions, duration and length on the ellipsoid. */
function trackCells(i: Incident): string[] {
  const line = i.geometry.type === 'LineString' ? i.geometry.coordinates : [i.geometry.type === 'Point' ? i.geometry.coordinates : i.coordinates];
  const times = i.times ?? [];
  const minutes = i.duration_minutes === undefined ? 'no times' : `${i.duration_minutes.toLocaleString('en')} min`;
  const start = times.length > 0 ? times[0].replace('T', ' ').slice(0, 19) : i.date;
  return [i.title, start, line.length.toLocaleString('en'), minutes, `${lengthKm(line.map((p) => [p[0], p[1]])).toFixed(2)} km`];
}

function button(label: string, className: string): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  return b;
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
