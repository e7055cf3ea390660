import { describe, expect, it } from 'vitest';
import {
  checkConversionApproval,
  checkConversionTiming,
  checkExtension,
  conversionDueOn,
  partyAgeOn,
  probationEndOf,
} from './probation.rules.ts';

describe('D8 probation', () => {
  it('lasts one year from the branch assembly, plus an approved extension', () => {
    expect(probationEndOf('2024-06-20', null)).toBe('2025-06-20');
    expect(probationEndOf('2024-02-29', null)).toBe('2025-02-28');
    expect(probationEndOf('2024-06-20', 6)).toBe('2025-12-20');
    expect(probationEndOf('2024-06-20', 12)).toBe('2026-06-20');
  });

  it('the conversion is discussed on or after the end of probation', () => {
    expect(checkConversionTiming('2025-06-20', '2025-06-19')?.rule.id).toBe('D8.conversion-after-probation');
    expect(checkConversionTiming('2025-06-20', '2025-06-20')).toBeNull();
    expect(checkConversionTiming('2025-06-20', '2025-06-21')).toBeNull();
  });

  it('a transferred-in member may be discussed up to 6 months late; others are due at the end', () => {
    expect(conversionDueOn('2025-06-20', false, { lateMonths: 6 })).toBe('2025-06-20');
    expect(conversionDueOn('2025-06-20', true, { lateMonths: 6 })).toBe('2025-12-20');
  });

  it('extension: 6 to 12 months, once', () => {
    const p = { minMonths: 6, maxMonths: 12, maxTimes: 1 };
    expect(checkExtension(5, 0, '2025-06-20', p)?.field).toBe('extensionMonths');
    expect(checkExtension(6, 0, '2025-06-20', p)).toBeNull();
    expect(checkExtension(12, 0, '2025-06-20', p)).toBeNull();
    expect(checkExtension(13, 0, '2025-06-20', p)).not.toBeNull();
    expect(checkExtension(null, 0, '2025-06-20', p)).not.toBeNull();
    expect(checkExtension(6, 1, '2025-06-20', p)?.message).toContain('已经延长过一次');
  });

  it('approval of the decision within 3 months of the branch assembly', () => {
    const p = { months: 3 };
    expect(checkConversionApproval('2025-06-20', '2025-09-20', p)).toBeNull();
    expect(checkConversionApproval('2025-06-20', '2025-09-21', p)?.rule.id).toBe('D8.conversion-approval');
    expect(checkConversionApproval('2026-06-20', '2026-09-21', p)?.rule.id).toBe(
      'D8.conversion-approval@2026',
    );
  });

  it('party age counts whole years from conversion', () => {
    expect(partyAgeOn(null, '2026-01-01')).toBeNull();
    expect(partyAgeOn('2025-06-20', '2025-06-19')).toBeNull();
    expect(partyAgeOn('2025-06-20', '2025-06-20')).toBe(0);
    expect(partyAgeOn('2025-06-20', '2026-06-19')).toBe(0);
    expect(partyAgeOn('2025-06-20', '2026-06-20')).toBe(1);
  });
});
