import { describe, expect, it } from 'vitest';
import { isMaskedValue, maskedValueProblems } from './maskedValueProblems.ts';

describe('masked values in an import', () => {
  it('recognizes what the masked export writes, and nothing a person would type', () => {
    for (const masked of [
      '110105********1234',
      '11010519******123X',
      '138****5678',
      '010-****5678',
      ' 138****5678 ',
    ])
      expect(isMaskedValue(masked), masked).toBe(true);
    for (const typed of ['110105198001011234', '13812345678', '*', '张*', 'abc**def', null, 12345])
      expect(isMaskedValue(typed), String(typed)).toBe(false);
  });

  it('reports each masked identifier cell, so the checker does not call it a format error', () => {
    expect(
      maskedValueProblems({ idNumber: '110105********1234', phone: '138****5678', name: '张三' }),
    ).toEqual([
      expect.objectContaining({
        field: 'idNumber',
        code: 'MASKED_VALUE',
        reason: expect.stringContaining('已脱敏的值，无法导入'),
      }),
      expect.objectContaining({ field: 'phone', code: 'MASKED_VALUE' }),
    ]);
    expect(maskedValueProblems({ idNumber: '110105198001011234', phone: null })).toEqual([]);
  });
});
