import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from './parseYuan.ts';

describe('parseYuan', () => {
  it.each([
    ['3000', 300_000],
    ['3000.0', 300_000],
    ['3000.00', 300_000],
    ['3000.01', 300_001],
    ['0.1', 10],
    ['0', 0],
    [' 3,000.01 ', 300_001],
    ['３０００．０１', 300_001],
    ['5000元', 500_000],
    [3000.01, 300_001],
  ])('%j → %d fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['', 'EMPTY'],
    ['  ', 'EMPTY'],
    ['-1', 'NEGATIVE'],
    ['-0.01', 'NEGATIVE'],
    ['abc', 'NOT_A_NUMBER'],
    ['NaN', 'NOT_A_NUMBER'],
    ['1e3', 'NOT_A_NUMBER'],
    ['.5', 'NOT_A_NUMBER'],
    ['3000.001', 'TOO_PRECISE'],
    ['100000001', 'TOO_LARGE'],
  ])('%j is refused (%s)', (input, code) => {
    expect(parseYuan(input)).toMatchObject({ ok: false, code });
  });

  it('refuses non-finite numbers', () => {
    expect(parseYuan(Number.NaN)).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(parseYuan(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
  });

  it('round-trips with formatFen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        const r = parseYuan(formatFen(fen));
        return r.ok && r.value === fen;
      }),
    );
    expect(formatFen(-150)).toBe('-1.50');
    expect(formatFen(5)).toBe('0.05');
  });
});
