import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/appError.ts';
import { checkPaymentMonth } from './dues.service.ts';

const params = { maxBackMonths: 6, maxAdvanceMonths: 2 };

function refusal(month: string, paidOn: string, today = '2026-07-15') {
  try {
    checkPaymentMonth(month, paidOn, today, params);
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

describe('checkPaymentMonth (第十二条)', () => {
  it('accepts back-payment up to 6 months before the month of payment', () => {
    expect(refusal('2026-01', '2026-07-01')).toBeNull(); // 6 months back
    expect(refusal('2026-01', '2026-07-31', '2026-07-31')).toBeNull();
  });

  it('refuses the 7th month back, citing the article', () => {
    const e = refusal('2025-12', '2026-07-01');
    expect(e?.code).toBe('RULE_VIOLATION');
    expect(e?.detail).toContain('第十二条');
    expect(e?.errors?.[0]).toMatchObject({ field: 'month', code: 'P4.back-payment-limit' });
  });

  it('measures from the day the money was received, not from today', () => {
    expect(refusal('2025-12', '2026-06-30')).toBeNull();
    expect(refusal('2025-12', '2026-07-01')?.code).toBe('RULE_VIOLATION');
  });

  it('allows paying up to a quarter ahead, not more', () => {
    expect(refusal('2026-09', '2026-07-15')).toBeNull();
    expect(refusal('2026-10', '2026-07-15')?.detail).toContain('最多提前 2 个月');
  });

  it('refuses a payment date in the future', () => {
    expect(refusal('2026-07', '2026-07-16')?.code).toBe('VALIDATION');
  });
});
