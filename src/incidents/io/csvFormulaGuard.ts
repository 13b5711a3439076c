/**
 * CSV formula-injection guard. A spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula, so exported text that starts that way is prefixed with one `'`,
 * which spreadsheets show as text. A run of `'` before such a character gets one more `'`, so that
 * text which itself starts with `'=` survives the round trip: import removes exactly one `'` from
 * a cell matching the same pattern, and nothing from any other cell.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** The cell to write for this text: prefixed with `'` if a spreadsheet could run it. */
export function guardCsvCell(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** The text of a cell written by `guardCsvCell`: exactly one guarding `'` removed. */
export function unguardCsvCell(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell) ? cell.slice(1) : cell;
}
