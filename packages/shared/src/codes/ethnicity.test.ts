import { describe, expect, it } from 'vitest';
import { ETHNICITIES, EthnicityCode, ethnicityName, lookupEthnicity } from './ethnicity.ts';

describe('ETHNICITIES', () => {
  it('lists the 56 groups with codes 01–56, then 97 and 98', () => {
    expect(ETHNICITIES).toHaveLength(58);
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(ETHNICITIES.map((e) => e.code)).toEqual(expected);
    // z.enum keeps options in an object, so integer-like codes (10–98) come before 01–09.
    expect([...EthnicityCode.options].sort()).toEqual(expected);
  });

  it('has the official names at spot-checked codes', () => {
    const byCode = Object.fromEntries(ETHNICITIES.map((e) => [e.code, e.name]));
    expect(byCode).toMatchObject({
      '01': '汉族',
      '02': '蒙古族',
      '05': '维吾尔族',
      '10': '朝鲜族',
      '15': '土家族',
      '29': '柯尔克孜族',
      '30': '土族',
      '43': '乌孜别克族',
      '56': '基诺族',
      '97': '其他',
      '98': '外国血统中国籍人士',
    });
    expect(ETHNICITIES.filter((e) => e.code <= '56').every((e) => e.name.endsWith('族'))).toBe(true);
  });
});

describe('lookupEthnicity', () => {
  it.each([['汉'], ['汉族'], ['01'], ['1'], [' 汉族 '], ['汉 族'], ['０１'], [1]])(
    'finds 汉族 from %j',
    (input) => {
      expect(lookupEthnicity(input)?.code).toBe('01');
    },
  );

  it('finds names whose short form is longer than one character', () => {
    expect(lookupEthnicity('蒙古')?.code).toBe('02');
    expect(lookupEthnicity('维吾尔')?.code).toBe('05');
    expect(lookupEthnicity('维族')?.code).toBe('05');
    expect(lookupEthnicity('柯尔克孜')?.code).toBe('29');
  });

  it('keeps 土族 and 土家族 apart', () => {
    expect(lookupEthnicity('土')?.code).toBe('30');
    expect(lookupEthnicity('土族')?.code).toBe('30');
    expect(lookupEthnicity('土家')?.code).toBe('15');
    expect(lookupEthnicity('土家族')?.code).toBe('15');
  });

  it('finds every entry by code, name and name without 族', () => {
    for (const e of ETHNICITIES) {
      expect(lookupEthnicity(e.code)).toBe(e);
      expect(lookupEthnicity(e.name)).toBe(e);
      expect(lookupEthnicity(e.name.replace(/族$/, ''))).toBe(e);
    }
  });

  it('handles the two special codes', () => {
    expect(lookupEthnicity('其他')?.code).toBe('97');
    expect(lookupEthnicity('97')?.code).toBe('97');
    expect(lookupEthnicity('外国血统中国籍人士')?.code).toBe('98');
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '族', '00', '57', '99', '火星族', '汉族人'])
      expect(lookupEthnicity(input)).toBeUndefined();
  });
});

describe('ethnicityName', () => {
  it('names a code', () => {
    expect(ethnicityName('01')).toBe('汉族');
    expect(ethnicityName('00')).toBeUndefined();
  });
});
