import { describe, expect, it } from 'vitest';
import { type CellError, cellErrorReason, cellText, escapeFormulaText, toCellInput } from './cellValue.ts';

describe('toCellInput', () => {
  it('uses the cached result of formulas, never the formula', () => {
    expect(toCellInput({ formula: 'A1&B1', result: '张三' })).toBe('张三');
    expect(toCellInput({ sharedFormula: 'C2', result: 42 })).toBe(42);
    // The streaming reader drops a cached #N/A, leaving no result: the value is unknown, not blank.
    expect(toCellInput({ formula: 'VLOOKUP(A1,B:C,2,0)' })).toEqual({ error: '' });
    expect(toCellInput({ formula: 'NOW()', result: Number.NaN })).toEqual({ error: '' });
    expect(toCellInput({ formula: 'VLOOKUP(A1,B:C,2,0)', result: { error: '#N/A' } })).toEqual({
      error: '#N/A',
    });
  });

  it('flattens rich text and hyperlinks', () => {
    expect(toCellInput({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toBe('张三');
    expect(toCellInput({ text: '13800138000', hyperlink: 'tel:13800138000' })).toBe('13800138000');
    expect(toCellInput({ text: { richText: [{ text: 'a' }] }, hyperlink: 'x' })).toBe('a');
  });

  it('treats blank and whitespace-only text as empty', () => {
    expect(toCellInput('   ')).toBeNull();
    expect(toCellInput('\u3000\u200b')).toBeNull();
    expect(toCellInput(undefined)).toBeNull();
    expect(toCellInput(Number.NaN)).toBeNull();
  });

  it('undoes the apostrophe our exports put before = + - @', () => {
    expect(toCellInput("'=1+1")).toBe('=1+1');
    expect(toCellInput("'-3")).toBe('-3');
    expect(toCellInput("'abc")).toBe("'abc");
  });

  it('keeps numbers, dates and booleans as they are', () => {
    const date = new Date(Date.UTC(2015, 6, 1));
    expect(toCellInput(date)).toBe(date);
    expect(toCellInput(1.10105e17)).toBe(1.10105e17);
    expect(toCellInput(true)).toBe(true);
  });
});

describe('cellText', () => {
  it('normalizes full-width characters and surrounding spaces', () => {
    expect(cellText(' 第一党支部（机关）\u3000')).toBe('第一党支部(机关)');
    expect(cellText('ＡＢＣ１２３')).toBe('ABC123');
  });

  it('prints numbers in plain decimal and dates as ISO', () => {
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(1.10105e17)).toBe('110105000000000000');
    expect(cellText(20)).toBe('20');
    expect(cellText(new Date(Date.UTC(2015, 6, 1)))).toBe('2015-07-01');
    expect(cellText({ error: '#REF!' })).toBeNull();
  });
});

describe('escapeFormulaText', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('escapes %j', (text) => {
    expect(escapeFormulaText(text)).toBe(`'${text}`);
  });

  it.each(['张三', '13800138000', '110105194912310029', '', "'already", ' =spaced', '＝全角'])(
    'leaves %j',
    (text) => {
      expect(escapeFormulaText(text)).toBe(text);
    },
  );

  it('round-trips through the importer', () => {
    for (const text of ['=1+1', '+86 138', '-', '@x'])
      expect(toCellInput(escapeFormulaText(text))).toBe(text);
  });
});

describe('toCellInput on text PostgreSQL cannot store', () => {
  it('turns NUL, control characters and lone surrogates into a cell problem with a Chinese reason', () => {
    for (const text of ['a\u0000b', 'x\u0007', 'e\ud800f']) {
      const cell = toCellInput(text);
      expect(cell, JSON.stringify(text)).toMatchObject({ error: '' });
      expect(cellErrorReason(cell as CellError)).toMatch(/^单元格含有/);
    }
    expect(toCellInput('第一行\n第二行')).toBe('第一行\n第二行');
  });
});
