import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDuesStandard, EMPLOYED_DUES_BANDS, shareOfBase } from './computeDuesStandard.ts';
import { DuesCategoryCode } from './duesCategory.ts';
import { duesCitationText } from './duesCitations.ts';
import { parseYuan } from './parseYuan.ts';

function calc(category: DuesCategoryCode, yuan: string) {
  const base = parseYuan(yuan);
  if (!base.ok) throw new Error(base.message);
  const result = computeDuesStandard({ category, baseFen: base.value });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('computeDuesStandard: employed and annual salary (P1, 第一、二条)', () => {
  it.each([
    // base 元, rate, monthly fen: the WHOLE base at its band's rate; band edges belong to the lower band.
    ['0', 0.005, 0],
    ['0.01', 0.005, 0],
    ['1.00', 0.005, 1], // 0.5 fen rounds half-up to 1 fen
    ['0.99', 0.005, 0], // 0.495 fen → 0
    ['2999.99', 0.005, 1500], // 1499.995 → 1500
    ['3000.00', 0.005, 1500],
    ['3000.01', 0.01, 3000], // 3000.01 fen → 3000
    ['4999.99', 0.01, 5000],
    ['5000.00', 0.01, 5000],
    ['5000.01', 0.015, 7500], // 7500.015 → 7500
    ['9999.99', 0.015, 15000], // 14999.985 → 15000
    ['10000.00', 0.015, 15000],
    ['10000.01', 0.02, 20000],
    ['25000', 0.02, 50000],
  ])('base %s 元 → rate %s, %s fen', (yuan, rate, monthlyFen) => {
    for (const category of ['employed', 'annual_salary'] as const) {
      const s = calc(category, yuan);
      expect(s.rate).toBe(rate);
      expect(s.monthlyFen).toBe(monthlyFen);
      expect(duesCitationText(s.citation)).toBe('《关于中国共产党党费收缴、使用和管理的规定》第一、二条');
    }
  });

  it('is monotone within a band and jumps only at band edges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), (baseFen) => {
        const a = computeDuesStandard({ category: 'employed', baseFen });
        const b = computeDuesStandard({ category: 'employed', baseFen: baseFen + 1 });
        if (!a.ok || !b.ok) return false;
        return b.value.monthlyFen >= a.value.monthlyFen;
      }),
    );
  });

  it('rounds half-up to the fen', () => {
    expect(shareOfBase(100, 50)).toBe(1);
    expect(shareOfBase(99, 50)).toBe(0);
    expect(shareOfBase(300_001, 100)).toBe(3_000);
    expect(EMPLOYED_DUES_BANDS.at(-1)?.upToFen).toBeNull();
  });
});

describe('computeDuesStandard: retired (P2, 第五条)', () => {
  it.each([
    ['0', 0.005, 0],
    ['3000.01', 0.005, 1500],
    ['5000.00', 0.005, 2500],
    ['5000.01', 0.01, 5000],
    ['8000', 0.01, 8000],
  ])('pension %s 元 → rate %s, %s fen', (yuan, rate, monthlyFen) => {
    const s = calc('retired', yuan);
    expect(s.rate).toBe(rate);
    expect(s.monthlyFen).toBe(monthlyFen);
    expect(s.citation.article).toBe('第五条');
  });
});

describe('computeDuesStandard: fixed amounts (P3, 第六、七条)', () => {
  it.each(['student', 'unemployed', 'relief'] as const)('%s pays 0.2 元 whatever the base', (category) => {
    const s = computeDuesStandard({ category, baseFen: 800_000 });
    expect(s.ok && s.value).toMatchObject({ monthlyFen: 20, rate: null, citation: { article: '第六条' } });
  });

  it('farmer: 0.2 元 by default, the branch may choose up to 1 元', () => {
    expect(computeDuesStandard({ category: 'farmer' })).toMatchObject({
      ok: true,
      value: { monthlyFen: 20 },
    });
    expect(computeDuesStandard({ category: 'farmer', amountFen: 100 })).toMatchObject({
      ok: true,
      value: { monthlyFen: 100 },
    });
    for (const amountFen of [19, 101, 0, 50.5]) {
      expect(computeDuesStandard({ category: 'farmer', amountFen })).toMatchObject({
        ok: false,
        code: 'AMOUNT_INVALID',
      });
    }
  });

  it('hardship: the decided amount, 0 meaning waived; the amount is required', () => {
    expect(computeDuesStandard({ category: 'hardship_reduced', amountFen: 0 })).toMatchObject({
      ok: true,
      value: { monthlyFen: 0, citation: { article: '第七条' } },
    });
    expect(computeDuesStandard({ category: 'hardship_reduced' })).toMatchObject({
      ok: false,
      code: 'AMOUNT_REQUIRED',
    });
  });
});

describe('computeDuesStandard: refusals', () => {
  it.each([-1, Number.NaN, 1.5, Number.POSITIVE_INFINITY, 10_000_000_001])('refuses base %s', (baseFen) => {
    expect(computeDuesStandard({ category: 'employed', baseFen })).toMatchObject({
      ok: false,
      code: 'BASE_INVALID',
    });
  });

  it('requires a base for banded categories', () => {
    for (const category of ['employed', 'annual_salary', 'retired'] as const) {
      expect(computeDuesStandard({ category })).toMatchObject({ ok: false, code: 'BASE_REQUIRED' });
      expect(computeDuesStandard({ category, baseFen: null })).toMatchObject({
        ok: false,
        code: 'BASE_REQUIRED',
      });
    }
  });

  it('knows every category', () => {
    for (const category of DuesCategoryCode.options) {
      const r = computeDuesStandard({ category, baseFen: 100_000, amountFen: 50 });
      expect(r.ok, category).toBe(true);
    }
  });
});
