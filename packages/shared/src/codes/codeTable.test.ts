import { describe, expect, it } from 'vitest';
import { createLookup, createNameOf } from './codeTable.ts';

const table = [
  { code: '01', name: '甲类', aliases: ['甲'] },
  { code: '02', name: '乙类', aliases: ['Yi'] },
] as const;

describe('createLookup', () => {
  it('finds entries by code, name and alias, ignoring width, whitespace and case', () => {
    const lookup = createLookup(table);
    expect(lookup('01')?.code).toBe('01');
    expect(lookup(' 甲 类 ')?.code).toBe('01');
    expect(lookup('甲')?.code).toBe('01');
    expect(lookup('ＹＩ')?.code).toBe('02');
    expect(lookup('丙')).toBeUndefined();
    expect(lookup('')).toBeUndefined();
  });

  it('pads numeric codes only when asked', () => {
    expect(createLookup(table)('1')).toBeUndefined();
    const padded = createLookup(table, { codeWidth: 2 });
    expect(padded('1')?.code).toBe('01');
    expect(padded(2)?.code).toBe('02');
    expect(padded('002')?.code).toBe('02');
    expect(padded('3')).toBeUndefined();
    expect(padded(1.5)).toBeUndefined();
  });

  it('applies the fold to both sides', () => {
    const lookup = createLookup(table, { fold: (k) => k.replace(/类$/, '') });
    expect(lookup('乙')?.code).toBe('02');
    expect(lookup('乙类')?.code).toBe('02');
  });

  it('refuses tables where two entries share a key', () => {
    expect(() =>
      createLookup([
        { code: 'a', name: '甲' },
        { code: 'b', name: '乙', aliases: ['甲'] },
      ]),
    ).toThrow(/ambiguous/);
    expect(() => createLookup([{ code: 'a', name: '甲', aliases: [' '] }])).toThrow(/empty/);
  });

  it('allows an entry to repeat its own key', () => {
    expect(() => createLookup([{ code: 'a', name: '甲', aliases: ['甲', 'A'] }])).not.toThrow();
  });
});

describe('createNameOf', () => {
  it('maps codes to names and unknown codes to undefined', () => {
    const nameOf = createNameOf<'01' | '02'>(table);
    expect(nameOf('01')).toBe('甲类');
    expect(nameOf('99')).toBeUndefined();
  });
});
