import {
  addWorkingDays,
  countWorkingDays,
  createWorkingDayCalendar,
  dayOfWeek,
  isWorkingDay,
  workingDaysBetween,
} from '@zhibu/shared';
import { describe, expect, it } from 'vitest';
import { builtinCalendarYears } from './workingDayCalendar.ts';

const years = builtinCalendarYears();
const calendar = createWorkingDayCalendar(
  [...years.values()].flatMap((y) => y.days.map((d) => ({ date: d.date, kind: d.kind }))),
);

describe('built-in State Council schedules', () => {
  it('holds 2025 and 2026 with their days off and make-up days', () => {
    expect([...years.keys()].sort()).toEqual([2025, 2026]);
    const y2025 = years.get(2025);
    expect(y2025?.source).toContain('国办发明电〔2024〕12号');
    // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8 = 28 days off; 5 make-up days.
    expect(y2025?.days.filter((d) => d.kind === 'day_off')).toHaveLength(28);
    expect(y2025?.days.filter((d) => d.kind === 'make_up').map((d) => d.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33 days off; 6 make-up days, each on a weekend.
    const y2026 = years.get(2026);
    expect(y2026?.days.filter((d) => d.kind === 'day_off')).toHaveLength(33);
    const makeUp = y2026?.days.filter((d) => d.kind === 'make_up') ?? [];
    expect(makeUp.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const d of makeUp) expect([0, 6]).toContain(dayOfWeek(d.date));
  });

  it('counts working days across the holidays', () => {
    expect(isWorkingDay(calendar, '2026-01-04')).toBe(true); // Sunday worked
    expect(isWorkingDay(calendar, '2026-10-08')).toBe(true); // Thursday after 国庆
    expect(isWorkingDay(calendar, '2025-10-08')).toBe(false); // 2025: 国庆 and 中秋 together to 10-08
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-10-09', 1)).toBe('2026-10-10'); // make-up Saturday
    expect(addWorkingDays(calendar, '2026-02-13', 2)).toBe('2026-02-24');
    expect(workingDaysBetween(calendar, '2025-01-24', '2025-02-05')).toBe(3); // 1.26 Sun, 1.27, 2.5
    expect(countWorkingDays(calendar, '2026-04-29', '2026-05-08')).toBe(5);
  });
});
