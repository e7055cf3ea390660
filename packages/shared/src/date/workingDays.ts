import { addDays, isoDateParts } from './isoDate.ts';

/**
 * Official days off and make-up working days (调休上班) of the years the State Council has
 * published. A day is a working day when it is a make-up working day, or a Monday–Friday that is
 * not a day off. Years without data count weekends only (`coversYear` tells which years are known).
 */
export interface WorkingDayCalendar {
  /** Days off by the State Council notice (statutory holidays and the days swapped with them). */
  readonly daysOff: ReadonlySet<string>;
  /** Saturdays and Sundays declared working days (调休上班). */
  readonly makeUpDays: ReadonlySet<string>;
  /** Years whose notice is loaded. */
  readonly years: ReadonlySet<number>;
}

export interface CalendarDayEntry {
  date: string;
  kind: 'day_off' | 'make_up';
}

/** A calendar from per-day entries; `years` defaults to the years the entries fall in. */
export function createWorkingDayCalendar(
  entries: readonly CalendarDayEntry[],
  years?: readonly number[],
): WorkingDayCalendar {
  const daysOff = new Set<string>();
  const makeUpDays = new Set<string>();
  const covered = new Set<number>(years ?? []);
  for (const e of entries) {
    const { year } = isoDateParts(e.date);
    if (!years) covered.add(year);
    (e.kind === 'day_off' ? daysOff : makeUpDays).add(e.date);
  }
  return { daysOff, makeUpDays, years: covered };
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  const { year, month, day } = isoDateParts(iso);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDay();
}

export function isWorkingDay(calendar: WorkingDayCalendar, iso: string): boolean {
  if (calendar.makeUpDays.has(iso)) return true;
  if (calendar.daysOff.has(iso)) return false;
  const weekday = dayOfWeek(iso);
  return weekday !== 0 && weekday !== 6;
}

export function coversYear(calendar: WorkingDayCalendar, year: number): boolean {
  return calendar.years.has(year);
}

/**
 * The n-th working day after `iso` (`iso` itself is not counted); n < 0 counts backwards,
 * n = 0 returns `iso`. So a 公示 starting on a Friday ends 5 working days later on the next Friday.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = iso;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(calendar, day)) remaining -= 1;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to` (like daysBetween: 0 for the same day). When
 * `to` is earlier, minus the working days from `to` up to but excluding `from`, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n in both directions.
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): number {
  if (from === to) return 0;
  const isBackward = to < from;
  const [first, last] = isBackward ? [to, addDays(from, -1)] : [addDays(from, 1), to];
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (isWorkingDay(calendar, day)) count += 1;
  }
  return isBackward ? -count : count;
}

/** Working days in the closed period [from, to] (both ends counted), e.g. the length of a 公示. */
export function countWorkingDays(calendar: WorkingDayCalendar, from: string, to: string): number {
  if (to < from) return 0;
  return workingDaysBetween(calendar, addDays(from, -1), to);
}
