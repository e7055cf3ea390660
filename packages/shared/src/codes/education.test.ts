import { describe, expect, it } from 'vitest';
import { EDUCATION_LEVELS, EducationCode, educationName, lookupEducation } from './education.ts';

describe('EDUCATION_LEVELS', () => {
  it('holds the GB/T 4658-2006 codes the register uses', () => {
    const expected = ['10', '11', '14', '20', '30', '40', '60', '70', '80', '90'];
    expect(EDUCATION_LEVELS.map((e) => e.code)).toEqual(expected);
    expect([...EducationCode.options].sort()).toEqual(expected);
  });

  it('links sub-codes to their top-level code', () => {
    const parents = EDUCATION_LEVELS.filter((e) => e.parent !== undefined).map((e) => [e.code, e.parent]);
    expect(parents).toEqual([
      ['11', '10'],
      ['14', '10'],
    ]);
  });
});

describe('lookupEducation', () => {
  it.each([
    ['研究生', '10'],
    ['研究生教育', '10'],
    ['博士', '11'],
    ['博士研究生', '11'],
    ['研究生（博士）', '11'],
    ['硕士', '14'],
    ['硕士研究生', '14'],
    ['大学本科', '20'],
    ['本科', '20'],
    ['大本', '20'],
    ['大学本科教育', '20'],
    ['大专', '30'],
    ['专科', '30'],
    ['中专', '40'],
    ['中技', '40'],
    ['技校', '40'],
    ['职高', '40'],
    ['高中', '60'],
    ['普通高中', '60'],
    ['初中', '70'],
    ['小学', '80'],
    ['文盲', '90'],
    ['半文盲', '90'],
    ['其他', '90'],
    ['20', '20'],
    [' ２０ ', '20'],
    [20, '20'],
  ])('%j → %s', (input, code) => {
    expect(lookupEducation(input)?.code).toBe(code);
  });

  it('returns undefined for unknown input', () => {
    for (const input of ['', '大学', '21', '1', '幼儿园']) expect(lookupEducation(input)).toBeUndefined();
  });
});

describe('educationName', () => {
  it('names a code', () => {
    expect(educationName('20')).toBe('大学本科');
    expect(educationName('11')).toBe('博士研究生');
    expect(educationName('99')).toBeUndefined();
  });
});
