import { describe, expect, it } from 'vitest';
import {
  arrearsOf,
  firstOwedMonth,
  isMonthOwed,
  monthState,
  profileForMonth,
  unpaidRun,
} from './duesLedger.ts';

const member = { joinedOn: '2005-07-01', leftOn: null, restoredOn: null };
const profiles = [
  { effectiveFrom: '2026-01-15', standardFen: 1500 },
  { effectiveFrom: '2026-06-01', standardFen: 3000 },
];

describe('profileForMonth', () => {
  it('takes the latest profile effective on or before the month’s last day', () => {
    expect(profileForMonth(profiles, '2025-12')).toBeNull();
    expect(profileForMonth(profiles, '2026-01')?.standardFen).toBe(1500); // effective mid-month counts
    expect(profileForMonth(profiles, '2026-05')?.standardFen).toBe(1500);
    expect(profileForMonth(profiles, '2026-06')?.standardFen).toBe(3000);
  });

  it('lets a later row on the same day win (a correction)', () => {
    const same = [
      { effectiveFrom: '2026-03-01', standardFen: 100 },
      { effectiveFrom: '2026-03-01', standardFen: 200 },
    ];
    expect(profileForMonth(same, '2026-03')?.standardFen).toBe(200);
  });
});

describe('owed months', () => {
  it('start at the later of admission and the first profile', () => {
    expect(firstOwedMonth(member, profiles)).toBe('2026-01');
    expect(firstOwedMonth({ ...member, joinedOn: '2026-03-20' }, profiles)).toBe('2026-03');
    expect(firstOwedMonth(member, [])).toBeNull();
  });

  it('start again after a lifted suspension', () => {
    expect(firstOwedMonth({ ...member, restoredOn: '2026-04-10' }, profiles)).toBe('2026-04');
  });

  it('end before the month the member left in', () => {
    const left = { ...member, leftOn: '2026-05-01' };
    expect(isMonthOwed(left, '2026-01', '2026-04')).toBe(true);
    expect(isMonthOwed(left, '2026-01', '2026-05')).toBe(false);
    expect(isMonthOwed(member, '2026-01', '2025-12')).toBe(false);
  });
});

describe('monthState', () => {
  const start = firstOwedMonth(member, profiles);
  it.each([
    ['2026-02', 1500, 'paid'],
    ['2026-02', 1600, 'paid'],
    ['2026-02', 1499, 'partial'],
    ['2026-02', 0, 'unpaid'],
    ['2025-12', 0, 'not_due'], // before the first standard
  ] as const)('%s with %d fen paid → %s', (month, paid, state) => {
    expect(monthState(member, profiles, start, month, paid).state).toBe(state);
  });

  it('has no standard when the member has none at all', () => {
    expect(monthState(member, [], null, '2026-02', 0).state).toBe('no_standard');
  });

  it('is waived under a zero standard and not due outside membership', () => {
    const waived = [{ effectiveFrom: '2026-01-01', standardFen: 0 }];
    expect(monthState(member, waived, '2026-01', '2026-02', 0).state).toBe('waived');
    expect(monthState({ ...member, joinedOn: '2026-03-01' }, profiles, '2026-03', '2026-02', 0).state).toBe(
      'not_due',
    );
  });
});

describe('arrearsOf (payable window, 第十二条)', () => {
  const p = [{ effectiveFrom: '2025-01-01', standardFen: 1000 }];
  it('counts unpaid and short months from current − 6 to current − 1', () => {
    const paid = new Map([
      ['2026-05', 1000],
      ['2026-06', 400],
    ]);
    // Current month 2026-08: window 2026-02 … 2026-07; 05 paid, 06 short by 600.
    const a = arrearsOf(member, p, paid, '2026-08', 6);
    expect(a.months).toEqual(['2026-02', '2026-03', '2026-04', '2026-06', '2026-07']);
    expect(a.fen).toBe(4 * 1000 + 600);
  });

  it('does not count the current month nor months older than the limit', () => {
    const a = arrearsOf(member, p, new Map(), '2026-08', 6);
    expect(a.months[0]).toBe('2026-02');
    expect(a.months.at(-1)).toBe('2026-07');
  });
});

describe('unpaidRun (第十三条)', () => {
  const p = [{ effectiveFrom: '2025-01-01', standardFen: 1000 }];
  it('counts whole months after the last paid month, up to the month before the current one', () => {
    expect(unpaidRun(member, p, '2026-01', '2026-02')).toEqual({ months: 0, fromMonth: null });
    expect(unpaidRun(member, p, '2026-01', '2026-04')).toEqual({ months: 2, fromMonth: '2026-02' });
    expect(unpaidRun(member, p, '2026-01', '2026-07')).toEqual({ months: 5, fromMonth: '2026-02' });
    expect(unpaidRun(member, p, '2026-01', '2026-08')).toEqual({ months: 6, fromMonth: '2026-02' });
  });

  it('counts from the first owed month when nothing was ever paid', () => {
    expect(unpaidRun(member, p, null, '2025-04')).toEqual({ months: 3, fromMonth: '2025-01' });
  });

  it('is zero under a waived standard and restarts after it', () => {
    const waivedThenNormal = [
      { effectiveFrom: '2025-01-01', standardFen: 0 },
      { effectiveFrom: '2026-03-01', standardFen: 1000 },
    ];
    expect(unpaidRun(member, [{ effectiveFrom: '2025-01-01', standardFen: 0 }], null, '2026-08').months).toBe(
      0,
    );
    expect(unpaidRun(member, waivedThenNormal, null, '2026-08')).toEqual({ months: 5, fromMonth: '2026-03' });
  });

  it('ignores payments made in advance', () => {
    expect(unpaidRun(member, p, '2026-09', '2026-08').months).toBe(0);
  });
});
