import { daysInMonth, isoDateParts, toIsoDate } from './isoDate.ts';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month 'YYYY-MM' (dues are owed per month); valid ones order the same as strings. */
export function isValidYearMonth(s: string): boolean {
  const m = YEAR_MONTH.exec(s);
  return m !== null && Number(m[1]) >= 1;
}

function parts(ym: string): { year: number; month: number } {
  const m = YEAR_MONTH.exec(ym);
  if (m === null || Number(m[1]) < 1) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(ym)}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month a date falls in. */
export function monthOf(iso: string): string {
  isoDateParts(iso);
  return iso.slice(0, 7);
}

/** The month n months later (earlier when negative). */
export function addMonthsToMonth(ym: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Months must be an integer: ${n}`);
  const { year, month } = parts(ym);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  if (y < 1 || y > 9999) throw new RangeError(`Year out of range: ${y}`);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** Whole months from a to b (positive when b is later): 2026-01 → 2026-07 is 6. */
export function monthsBetween(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  return pb.year * 12 + pb.month - (pa.year * 12 + pa.month);
}

export function firstDayOfMonth(ym: string): string {
  const { year, month } = parts(ym);
  return toIsoDate(year, month, 1);
}

export function lastDayOfMonth(ym: string): string {
  const { year, month } = parts(ym);
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** Months from `from` to `to`, both included; empty when `to` is earlier. */
export function monthRange(from: string, to: string): string[] {
  const n = monthsBetween(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addMonthsToMonth(from, i));
  return out;
}

/** The later of two months. */
export function laterMonth(a: string, b: string): string {
  return a >= b ? a : b;
}
