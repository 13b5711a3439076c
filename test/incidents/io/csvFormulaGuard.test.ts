import { describe, expect, it } from 'vitest';
import { guardCsvCell, unguardCsvCell } from '../../../src/incidents/io';

describe('csvFormulaGuard', () => {
  it("prefixes text starting with = + - @ tab or carriage return with one '", () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardCsvCell(text), text).toBe(`'${text}`);
  });

  it('leaves other text alone', () => {
    for (const text of ['plain', "'quoted", '1-2', ' =spaced', '']) expect(guardCsvCell(text), text).toBe(text);
  });

  it("adds one more ' to text that already starts with ' before a formula character", () => {
    expect(guardCsvCell("'=x")).toBe("''=x");
  });

  it('removes exactly the guard it added, so any text survives the round trip', () => {
    for (const text of ['=x', "'=x", "''=x", "'x", 'x', "'", '-', "'-"]) {
      expect(unguardCsvCell(guardCsvCell(text)), text).toBe(text);
    }
  });
});
