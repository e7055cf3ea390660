const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// China Standard Time has been a fixed UTC+8 with no daylight saving since 1991.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the parts name a real Gregorian calendar day (year 1–9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Formats parts as 'YYYY-MM-DD'; callers check isRealDate first. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO 8601 calendar date 'YYYY-MM-DD' (exactly that shape) naming a real day. */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Splits a valid ISO date; throws RangeError otherwise, since callers must validate input first. */
export function isoDateParts(iso: string): DateParts {
  const m = ISO_DATE.exec(iso);
  const parts = m === null ? undefined : { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (parts === undefined || !isRealDate(parts.year, parts.month, parts.day)) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return parts;
}

/** -1, 0 or 1; valid ISO dates order the same as strings. */
export function compareIsoDate(a: string, b: string): -1 | 0 | 1 {
  isoDateParts(a);
  isoDateParts(b);
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** 'YYYY-MM-DD' of a Date read in UTC: exceljs and our own parsers carry calendar dates as UTC midnight. */
export function formatDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) throw new RangeError(`Date out of range: ${date}`);
  return toIsoDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Same month and day n years later; 02-29 in a non-leap target year becomes 02-28, the month's last day
 * (民法典 第二百零三条: a period without a matching day ends on the last day of the month).
 */
export function addYears(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Years must be an integer: ${n}`);
  return addMonths(iso, n * 12);
}

/**
 * Whole years of age completed on a day (周岁). Someone born on 02-29 has their birthday on 03-01 in
 * non-leap years (born 2000-02-29 → 18 on 2018-03-01, still 17 on 2018-02-28), the reading used for
 * 周岁 in Chinese legal practice. Negative when onIso precedes birthIso.
 */
export function ageOn(birthIso: string, onIso: string): number {
  const birth = isoDateParts(birthIso);
  const on = isoDateParts(onIso);
  const birthdayMonthDay =
    birth.month === 2 && birth.day === 29 && !isLeapYear(on.year) ? 301 : birth.month * 100 + birth.day;
  const years = on.year - birth.year;
  return on.month * 100 + on.day < birthdayMonthDay ? years - 1 : years;
}

/** Calendar date of an instant in Asia/Shanghai. */
export function dateInShanghai(instant: Date): string {
  return formatDate(new Date(instant.getTime() + SHANGHAI_OFFSET_MS));
}

/** Today's calendar date in Asia/Shanghai; pass `now` in tests. */
export function todayInShanghai(now: Date = new Date()): string {
  return dateInShanghai(now);
}

/** Milliseconds of UTC midnight; avoids Date.UTC, which maps years 0–99 to 1900–1999. */
function utcMidnight({ year, month, day }: DateParts): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Same day n months later; a missing day (01-31 + 1 month) becomes the month's last day (民法典 第二百零三条). */
export function addMonths(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Months must be an integer: ${n}`);
  const { year, month, day } = isoDateParts(iso);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError(`Year out of range: ${targetYear}`);
  return toIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be an integer: ${n}`);
  const result = formatDate(new Date(utcMidnight(isoDateParts(iso)) + n * MS_PER_DAY));
  if (!isValidIsoDate(result)) throw new RangeError(`Date out of range: ${iso} + ${n} days`);
  return result;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(isoDateParts(b)) - utcMidnight(isoDateParts(a))) / MS_PER_DAY);
}
