import Papa from 'papaparse';
import { firstLine } from './firstLine';

/** One parsed CSV line (or more, when a quoted cell holds line breaks). */
export interface CsvRow {
  cells: string[];
  /** 1-based line of the file on which the row starts. */
  line: number;
  /** Papaparse's complaints about this row (unclosed or stray quotes). */
  problems: string[];
}

/** How many rows are read between two progress reports (in characters read of all). */
const PROGRESS_ROWS = 10000;

const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** The delimiter the header line uses most: ',' (ties and no delimiter), ';', tab or '|'. */
export function detectDelimiter(text: string): string {
  const header = firstLine(text);
  let best = ',';
  let bestCount = header.split(',').length;
  for (const candidate of [';', '\t', '|']) {
    const count = header.split(candidate).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Splits CSV text into rows of cells, header included, skipping blank lines (also ones of only
 * delimiters), and says on which line of the file each row starts, so that errors can point a
 * person to it. Cells are kept exactly as written (no trimming, no type guessing).
 */
export function readCsvRows(text: string, onProgress?: (done: number, total: number) => void): CsvRow[] {
  const rows: CsvRow[] = [];
  let countedTo = 0;
  let breaksBefore = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: detectDelimiter(text),
    skipEmptyLines: 'greedy',
    step: (result) => {
      // meta.cursor is just past the row's own line break; the row's content ends before it.
      let end = result.meta.cursor;
      if (text[end - 1] === '\n') end -= 1;
      if (text[end - 1] === '\r') end -= 1;
      if (end > countedTo) {
        breaksBefore += countLineBreaks(text.slice(countedTo, end));
        countedTo = end;
      }
      const breaksInside = result.data.reduce((sum, c) => sum + countLineBreaks(c), 0);
      rows.push({
        cells: result.data,
        line: 1 + breaksBefore - breaksInside,
        problems: [...new Set(result.errors.map((e) => e.message))],
      });
      if (rows.length % PROGRESS_ROWS === 0) onProgress?.(result.meta.cursor, text.length);
    },
  });
  onProgress?.(text.length, text.length);
  return rows;
}
