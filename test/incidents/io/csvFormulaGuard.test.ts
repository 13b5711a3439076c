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

  it("guards a formula that starts right after a ',' ';' or tab, where a spreadsheet splitting on it starts a cell", () => {
    expect(guardCsvCell(';=1+1;')).toBe(";'=1+1;");
    expect(guardCsvCell('a,+1')).toBe("a,'+1");
    expect(guardCsvCell('a\t@SUM(A1)')).toBe("a\t'@SUM(A1)");
    expect(guardCsvCell("x;'-1")).toBe("x;''-1");
  });

  it('guards every place in one text, a tab after a delimiter included', () => {
    expect(guardCsvCell('=a;-b,\t=c')).toBe("'=a;'-b,'\t'=c");
  });

  it('leaves a formula character that follows other text alone', () => {
    for (const text of ['a=b', '1-2;x', 'x; =y', 'a,b;c\td']) expect(guardCsvCell(text), text).toBe(text);
  });

  it('removes exactly the guard it added, so any text survives the round trip', () => {
    const texts = ['=x', "'=x", "''=x", "'x", 'x', "'", '-', "'-", ';=1+1;', "a;'=b", ",,'+,", '\t\t=', "x,''@y;'", '=a;-b,\t=c'];
    for (const text of texts) {
      expect(unguardCsvCell(guardCsvCell(text)), text).toBe(text);
    }
  });
});
