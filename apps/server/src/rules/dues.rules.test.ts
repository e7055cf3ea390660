import { describe, expect, it } from 'vitest';
import { unpaidRun } from '../modules/dues/duesLedger.ts';
import { checkNoStandard, checkReviewDue, checkUnpaidMonths, unpaidMonths } from './dues.rules.ts';

const member = { joinedOn: '2005-07-01', leftOn: null, restoredOn: null };
const profiles = [{ effectiveFrom: '2025-01-01', standardFen: 1500 }];
const p = unpaidMonths.defaults;

/** The P4 finding for a member whose last paid month is 2026-01, on `today`. */
function on(today: string) {
  return checkUnpaidMonths({ unpaid: unpaidRun(member, profiles, '2026-01', today.slice(0, 7)) }, p);
}

describe('P4.unpaid-months (第十三条; 党章第九条)', () => {
  it.each([
    // Last paid 2026-01. Unpaid months are whole months before the current one.
    ['2026-04-30', null], // Feb, Mar: 2
    ['2026-05-01', 'warning'], // Feb–Apr: 3
    ['2026-05-02', 'warning'],
    ['2026-07-31', 'warning'], // 5
    ['2026-08-01', 'violation'], // Feb–Jul: 6
    ['2026-08-02', 'violation'],
  ])('on %s → %s', (today, severity) => {
    expect(on(today)?.severity ?? null).toBe(severity);
  });

  it('dates the run and the deadline', () => {
    expect(on('2026-05-01')).toMatchObject({ since: '2026-02-01', due: '2026-07-31' });
    expect(on('2026-08-01')).toMatchObject({ since: '2026-02-01', due: null });
    expect(on('2026-08-01')?.message).toContain('党章第九条');
  });

  it('uses the parameters', () => {
    const run = { unpaid: { months: 2, fromMonth: '2026-02' } };
    expect(checkUnpaidMonths(run, { warnMonths: 2, lapseMonths: 4 })?.severity).toBe('warning');
    expect(checkUnpaidMonths(run, { warnMonths: 1, lapseMonths: 2 })?.severity).toBe('violation');
  });
});

describe('P4.no-standard (第八条)', () => {
  const m = (status: 'full' | 'probationary') => ({
    id: 1,
    name: '王芳',
    orgId: 1,
    orgPath: '/1/',
    orgName: 'x',
    status,
    joinedOn: '2026-03-01',
    leftOn: null,
  });
  it('cites 第八条 for probationary members', () => {
    expect(checkNoStandard({ member: m('probationary') }).citation?.article).toBe('第八条');
    expect(checkNoStandard({ member: m('full') }).citation?.article).toBe('');
  });
});

describe('P1.base-review-due (local practice)', () => {
  const current = { category: 'employed', reviewedOn: '2025-03-10', effectiveFrom: '2025-03-01' } as never;
  it('reminds after 12 months without review (day of: no, day after: yes)', () => {
    expect(checkReviewDue({ current }, { reviewMonths: 12 }, '2026-03-10')).toBeNull();
    expect(checkReviewDue({ current }, { reviewMonths: 12 }, '2026-03-11')?.since).toBe('2026-03-10');
  });

  it('does not ask fixed amounts to be reviewed', () => {
    const farmer = { category: 'farmer', reviewedOn: '2020-01-01', effectiveFrom: '2020-01-01' } as never;
    expect(checkReviewDue({ current: farmer }, { reviewMonths: 12 }, '2026-03-11')).toBeNull();
  });
});
