import { describe, expect, it } from 'vitest';
import { csvLine } from './csvLine.ts';

describe('csvLine', () => {
  it('quotes strings, leaves numbers bare and writes null as an empty field', () => {
    expect(csvLine(['a', 1, null, '', undefined, 'b'])).toBe('"a",1,,"",,"b"\n');
  });

  it('keeps commas, quotes and newlines as data', () => {
    expect(csvLine(['他说"好",行', 'x\ny'])).toBe('"他说""好"",行","x\ny"\n');
  });

  it('refuses numbers COPY cannot read', () => {
    expect(() => csvLine([Number.NaN])).toThrow(RangeError);
  });
});
