import { describe, expect, it } from 'vitest';
import { checkLetterValidity, defaultValidUntil } from './transfers.rules.ts';

describe('T1 letter validity', () => {
  const p = { defaultDays: 30, maxMonths: 3 };
  it('defaults to 30 days after issue', () => {
    expect(defaultValidUntil('2026-09-01', p)).toBe('2026-10-01');
    expect(defaultValidUntil('2026-01-31', p)).toBe('2026-03-02');
  });

  it('may run at most 3 months: the day of addMonths(issue, 3) is allowed, the next is not', () => {
    expect(checkLetterValidity('2026-08-01', '2026-11-01', p)).toBeNull();
    expect(checkLetterValidity('2026-08-01', '2026-11-02', p)?.rule.id).toBe('T1.letter-validity');
    expect(checkLetterValidity('2026-11-30', '2027-02-28', p)).toBeNull();
    expect(checkLetterValidity('2026-11-30', '2027-03-01', p)).not.toBeNull();
    expect(checkLetterValidity('2026-08-01', '2026-07-31', p)?.message).toContain('早于开具日期');
    expect(checkLetterValidity('2026-08-01', '2026-08-01', p)).toBeNull();
  });
});
