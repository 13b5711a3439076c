/**
 * CSV formula-injection guard. A spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula, and one that splits the line on `;` or tab instead of `,` starts
 * a new cell after each of them, so a formula can start there too. Each such place (the start of
 * the text, or right after `,` `;` or tab, followed by a risky character) gets one `'`, which
 * spreadsheets show as text. A run of `'` already there gets one more, so that text which itself
 * holds `'=` survives the round trip: import removes exactly one `'` at each such place, and
 * nothing anywhere else.
 */
const DELIMITERS = ',;\t';
/** A place where a spreadsheet could start a cell, followed by `'`s and a character that starts a formula. */
const GUARD_AT = /(?<=^|[,;\t])(?='*[=+\-@\t\r])/g;
/** The same place in guarded text: its first `'` is the guard. */
const GUARD = /(?<=^|[,;\t])'(?='*[=+\-@\t\r])/g;

/** The cell to write for this text: `'` inserted wherever a spreadsheet could start running a formula. */
export function guardCsvCell(text: string): string {
  return text.replace(GUARD_AT, "'");
}

/** The text of a cell written by `guardCsvCell`: exactly one guarding `'` removed at each guarded place. */
export function unguardCsvCell(cell: string): string {
  return cell.replace(GUARD, '');
}

/** Whether a text cell must be quoted: it holds a delimiter any spreadsheet might split on, a quote or a line break. */
export function needsCsvQuotes(text: string): boolean {
  return [...DELIMITERS, '"', '\n', '\r'].some((c) => text.includes(c));
}
