import type { JsonObject as Json } from '../jsonObject';
import type { DatePrecision } from '../types';

/** One flat record of text cells (a CSV row, a KML placemark's data), keyed by lower-case name. */
export type TextRecord = Readonly<Record<string, string | undefined>>;

/**
 * A record from a file's named text fields: names lower-cased, unnamed fields dropped, the first of
 * two same-named fields kept. No prototype, so a field named __proto__ or constructor is just a field.
 */
export function textRecord(fields: Iterable<readonly [string, string]>): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (const [name, value] of fields) {
    const key = name.toLowerCase();
    if (key !== '' && !Object.hasOwn(record, key)) record[key] = value;
  }
  return record;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** The precision a date's form implies (YYYY, YYYY-MM, YYYY-MM-DD), valid date or not: validation judges the date. */
function precisionOfForm(date: string): DatePrecision | undefined {
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
  return undefined;
}

/** The cell, or undefined when it is absent or empty. */
function cell(record: TextRecord, key: string): string | undefined {
  const value = record[key];
  return value === undefined || value === '' ? undefined : value;
}

/** A trimmed cell for a field that is a code, a date or a number, never prose. */
function trimmed(record: TextRecord, key: string): string | undefined {
  const value = cell(record, key)?.trim();
  return value === '' ? undefined : value;
}

/**
 * A decimal number; other text is passed on unchanged so that validation names it as written
 * (Number() alone would accept '', '0x10' and 'Infinity').
 */
export function numberCell(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : text;
}

function booleanCell(text: string | undefined): boolean | string | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return text;
}

/** JSON text, or the text itself when it is not JSON, so validation reports it as written. */
function jsonCell(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** ';'-separated names, or a JSON array (written when a name itself holds ';'); no column means none known. */
function actorsCell(text: string | undefined): unknown {
  if (text === undefined) return [];
  if (text.trim().startsWith('[')) {
    const parsed = jsonCell(text);
    if (Array.isArray(parsed)) return parsed;
  }
  return text
    .split(';')
    .map((actor) => actor.trim())
    .filter((actor) => actor !== '');
}

/** One source from simple source_title, source_publisher, … cells, if any is filled. */
function simpleSource(record: TextRecord): Json | undefined {
  const source: Json = {};
  const title = cell(record, 'source_title');
  const publisher = cell(record, 'source_publisher');
  const author = cell(record, 'source_author');
  const date = trimmed(record, 'source_date');
  const url = trimmed(record, 'source_url');
  if (title !== undefined) source.title = title;
  if (publisher !== undefined) source.publisher = publisher;
  if (author !== undefined) source.author = author;
  if (date !== undefined) source.date = date;
  if (url !== undefined) source.url = url;
  return Object.keys(source).length === 0 ? undefined : source;
}

/**
 * Turns a flat text record into incident `properties` for validateIncident, with the same
 * coercions for every text format: on_border from true/false/yes/no/1/0, numbers from decimal
 * text, actors from ';'-separated names, quotes and sources from JSON (or sources from
 * source_* cells), date_precision inferred from the date's form when absent. Prose (title,
 * location, description) is kept exactly; codes, dates and numbers are trimmed. A value that
 * cannot be coerced is passed on as written, so validation reports it.
 */
export function recordToProperties(record: TextRecord): Json {
  const props: Json = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) props[key] = value;
  };
  set('title', cell(record, 'title'));
  const date = trimmed(record, 'date');
  set('date', date);
  set('date_precision', trimmed(record, 'date_precision') ?? (date === undefined ? undefined : precisionOfForm(date)));
  set('date_latest', trimmed(record, 'date_latest'));
  set('duration_minutes', numberCell(cell(record, 'duration_minutes')));
  set('category', trimmed(record, 'category'));
  set('actors', actorsCell(cell(record, 'actors')));
  set('location', cell(record, 'location'));
  set('geo_precision', trimmed(record, 'geo_precision'));
  set('on_border', booleanCell(trimmed(record, 'on_border')));
  set('description', cell(record, 'description'));
  set('stretch', trimmed(record, 'stretch'));

  const quotes = cell(record, 'quotes');
  // A file with no quotes column simply has none to give.
  set('quotes', quotes === undefined ? [] : jsonCell(quotes));
  const sources = cell(record, 'sources');
  if (sources !== undefined) set('sources', jsonCell(sources));
  else {
    const source = simpleSource(record);
    set('sources', source === undefined ? undefined : [source]);
  }
  return props;
}
