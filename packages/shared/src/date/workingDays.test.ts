import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './isoDate.ts';
import {
  addWorkingDays,
  countWorkingDays,
  createWorkingDayCalendar,
  dayOfWeek,
  isWorkingDay,
  workingDaysBetween,
} from './workingDays.ts';

// A slice of the 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知): 春节 2.15–2.23 off,
// Saturdays 2.14 and 2.28 worked.
const spring2026 = createWorkingDayCalendar([
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({
    date: `2026-02-${d}`,
    kind: 'day_off' as const,
  })),
  { date: '2026-02-14', kind: 'make_up' },
  { date: '2026-02-28', kind: 'make_up' },
]);
const weekendsOnly = createWorkingDayCalendar([], []);

describe('isWorkingDay', () => {
  it('knows weekdays, weekends, days off and make-up Saturdays', () => {
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(isWorkingDay(spring2026, '2026-02-13')).toBe(true); // Friday
    expect(isWorkingDay(spring2026, '2026-02-14')).toBe(true); // Saturday, worked
    expect(isWorkingDay(spring2026, '2026-02-16')).toBe(false); // Monday, 春节
    expect(isWorkingDay(spring2026, '2026-02-24')).toBe(true); // Tuesday after the holiday
    expect(isWorkingDay(spring2026, '2026-02-22')).toBe(false); // Sunday inside the holiday
    expect(isWorkingDay(spring2026, '2026-03-01')).toBe(false); // ordinary Sunday
    expect(spring2026.years.has(2026)).toBe(true);
    expect(weekendsOnly.years.size).toBe(0);
  });
});

describe('addWorkingDays', () => {
  it('skips the holiday and counts the make-up Saturday', () => {
    // Thu 2.12 → Fri 2.13 (1), Sat 2.14 (2, worked), then the holiday, Tue 2.24 (3).
    expect(addWorkingDays(spring2026, '2026-02-12', 1)).toBe('2026-02-13');
    expect(addWorkingDays(spring2026, '2026-02-12', 2)).toBe('2026-02-14');
    expect(addWorkingDays(spring2026, '2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkingDays(spring2026, '2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays(spring2026, '2026-02-16', 0)).toBe('2026-02-16');
  });

  it('with weekends only, 5 working days after a Friday is the next Friday', () => {
    expect(addWorkingDays(weekendsOnly, '2027-03-05', 5)).toBe('2027-03-12');
    expect(() => addWorkingDays(weekendsOnly, '2027-03-05', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and countWorkingDays', () => {
  it('counts after `from` up to and including `to`', () => {
    expect(workingDaysBetween(spring2026, '2026-02-12', '2026-02-24')).toBe(3);
    expect(workingDaysBetween(spring2026, '2026-02-24', '2026-02-12')).toBe(-3);
    expect(workingDaysBetween(spring2026, '2026-02-12', '2026-02-12')).toBe(0);
  });

  it('counts a closed period with both ends (a 公示 from Mon to Fri is 5 working days)', () => {
    expect(countWorkingDays(weekendsOnly, '2027-03-01', '2027-03-05')).toBe(5);
    expect(countWorkingDays(weekendsOnly, '2027-03-01', '2027-03-04')).toBe(4);
    // A 公示 across 春节 2026: Thu 2.12 to Tue 2.24 holds 2.12, 2.13, 2.14 and 2.24.
    expect(countWorkingDays(spring2026, '2026-02-12', '2026-02-24')).toBe(4);
    expect(countWorkingDays(spring2026, '2026-02-24', '2026-02-12')).toBe(0);
  });

  it('inverts addWorkingDays for any start and count', () => {
    const start = fc.integer({ min: 0, max: 500 }).map((n) => addDays('2025-12-01', n));
    fc.assert(
      fc.property(start, fc.integer({ min: -40, max: 40 }), (from, n) => {
        expect(workingDaysBetween(spring2026, from, addWorkingDays(spring2026, from, n))).toBe(n);
      }),
    );
  });
});
