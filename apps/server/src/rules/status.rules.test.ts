import { describe, expect, it } from 'vitest';
import { checkSuspendedTooLong, suspendedTooLong } from './status.rules.ts';

describe('T3.suspended-too-long (党员教育管理工作条例 第二十四条)', () => {
  const m = { leftOn: '2024-05-20', name: '赵六' };
  it.each([
    ['2026-04-19', null],
    ['2026-04-20', 'info'], // 30 days before two years
    ['2026-05-19', 'info'],
    ['2026-05-20', 'warning'], // two years
    ['2026-05-21', 'warning'],
  ])('on %s → %s', (today, severity) => {
    expect(checkSuspendedTooLong(m, suspendedTooLong.defaults, today)?.severity ?? null).toBe(severity);
  });

  it('dates the deadline at two years', () => {
    expect(checkSuspendedTooLong(m, suspendedTooLong.defaults, '2026-06-01')?.due).toBe('2026-05-20');
  });
});
