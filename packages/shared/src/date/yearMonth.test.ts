import { describe, expect, it } from 'vitest';
import {
  addMonthsToMonth,
  firstDayOfMonth,
  isValidYearMonth,
  lastDayOfMonth,
  laterMonth,
  monthOf,
  monthRange,
  monthsBetween,
} from './yearMonth.ts';

describe('year-month helpers', () => {
  it('validates YYYY-MM', () => {
    for (const ok of ['2026-01', '2026-12', '0001-01']) expect(isValidYearMonth(ok)).toBe(true);
    for (const bad of ['2026-00', '2026-13', '2026-1', '26-01', '2026-01-01', '', '0000-01']) {
      expect(isValidYearMonth(bad)).toBe(false);
    }
  });

  it('adds months across years', () => {
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToMonth('2025-12', 1)).toBe('2026-01');
    expect(addMonthsToMonth('2026-07', -6)).toBe('2026-01');
    expect(addMonthsToMonth('2026-07', 18)).toBe('2028-01');
    expect(() => addMonthsToMonth('2026-13', 1)).toThrow(RangeError);
    expect(() => addMonthsToMonth('2026-01', 0.5)).toThrow(RangeError);
  });

  it('counts months between', () => {
    expect(monthsBetween('2026-01', '2026-07')).toBe(6);
    expect(monthsBetween('2026-07', '2026-01')).toBe(-6);
    expect(monthsBetween('2025-12', '2026-01')).toBe(1);
  });

  it('gives month bounds and the month of a date', () => {
    expect(firstDayOfMonth('2024-02')).toBe('2024-02-01');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
  });

  it('lists ranges', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(laterMonth('2026-01', '2025-12')).toBe('2026-01');
  });
});
