import type { Result } from '../result.ts';
import { normalizeCell } from '../text/normalizeText.ts';
import { dateInShanghai, isoDateParts, isRealDate, toIsoDate } from './isoDate.ts';

export type DateErrorCode = 'DATE_FORMAT';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
// 9999-12-31, the largest serial Excel can display.
const MAX_EXCEL_SERIAL = 2_958_465;
// Excel (after Lotus 1-2-3) counts a non-existent 1900-02-29 as serial 60.
const LOTUS_PHANTOM_SERIAL = 60;
const MS_PER_DAY = 86_400_000;

const SEPARATED = /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/;
const CHINESE = /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日?$/;
const COMPACT = /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/;
// Date followed by a time, as Excel text cells and JSON carry it; an explicit zone makes it an instant.
const WITH_TIME =
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?:T|\s+)(?<hh>\d{1,2}):(?<mi>\d{2})(?::(?<ss>\d{2})(?:\.\d{1,9})?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MESSAGE_FORMAT = '日期格式不正确，请使用如 2015-07-01 的格式';
const MESSAGE_NOT_A_DAY = '日期不存在';
const MESSAGE_RANGE = `日期超出范围（${MIN_YEAR}—${MAX_YEAR}年）`;

function fail(message: string): Result<string, DateErrorCode> {
  return { ok: false, code: 'DATE_FORMAT', message };
}

function fromParts(year: number, month: number, day: number): Result<string, DateErrorCode> {
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(MESSAGE_RANGE);
  if (!isRealDate(year, month, day)) return fail(MESSAGE_NOT_A_DAY);
  return { ok: true, value: toIsoDate(year, month, day) };
}

function fromDate(date: Date): Result<string, DateErrorCode> {
  if (Number.isNaN(date.getTime())) return fail(MESSAGE_FORMAT);
  // exceljs hands over date cells as UTC midnight, so the UTC fields are the calendar day.
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Excel 1900 date system: 1 = 1900-01-01, 60 = the phantom 1900-02-29, 61 = 1900-03-01. */
function fromExcelSerial(serial: number): Result<string, DateErrorCode> {
  const whole = Math.floor(serial); // the fraction is the time of day
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) return fail(MESSAGE_FORMAT);
  if (whole === LOTUS_PHANTOM_SERIAL) return fail(MESSAGE_NOT_A_DAY);
  const epoch = whole < LOTUS_PHANTOM_SERIAL ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return fromDate(new Date(epoch + whole * MS_PER_DAY));
}

function fromNumber(n: number): Result<string, DateErrorCode> {
  if (!Number.isFinite(n)) return fail(MESSAGE_FORMAT);
  // 20150701 typed into a cell Excel treats as General arrives as a number, far beyond any serial.
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) return fromString(String(n));
  return fromExcelSerial(n);
}

function fromString(raw: string): Result<string, DateErrorCode> {
  const s = normalizeCell(raw);
  const timed = WITH_TIME.exec(s)?.groups;
  if (timed) return fromTimestamp(timed);
  // Spaces around 年/月/日 and separators are noise; between bare digit runs they would be guesswork.
  const compact = s.replace(/\s*([年月日/.-])\s*/g, '$1');
  const m = (SEPARATED.exec(compact) ?? CHINESE.exec(compact) ?? COMPACT.exec(compact))?.groups;
  if (m === undefined) return fail(MESSAGE_FORMAT);
  return fromParts(Number(m.y), Number(m.m), Number(m.d));
}

function fromTimestamp(g: Record<string, string | undefined>): Result<string, DateErrorCode> {
  const [hour, minute, second] = [Number(g.hh), Number(g.mi), Number(g.ss ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return fail(MESSAGE_FORMAT);
  const local = fromParts(Number(g.y), Number(g.m), Number(g.d));
  if (!local.ok || g.zone === undefined) return local;
  // An instant (e.g. a browser's toISOString() of local midnight, 2015-06-30T16:00:00.000Z): its
  // calendar day is the one in Shanghai, not the UTC date part.
  const zone = /^(?<sign>[+-])(?<zh>\d{2}):?(?<zm>\d{2})?$/.exec(g.zone)?.groups;
  const offsetMinutes =
    zone === undefined ? 0 : (zone.sign === '-' ? -1 : 1) * (Number(zone.zh) * 60 + Number(zone.zm ?? 0));
  const utc = new Date(local.value);
  utc.setUTCHours(hour, minute - offsetMinutes, second);
  const { year, month, day } = isoDateParts(dateInShanghai(utc));
  return fromParts(year, month, day);
}

/**
 * Calendar date from a spreadsheet cell or form value (ISO 8601 / GB/T 7408 output 'YYYY-MM-DD'):
 * Date (UTC fields), Excel serial, YYYYMMDD number, or text such as 2015-7-1, 2015/7/1, 2015.07.01,
 * 2015年7月1日, 20150701, 2015-07-01 00:00:00. Years 1900–2100 only.
 */
export function parseDateInput(value: unknown): Result<string, DateErrorCode> {
  if (value instanceof Date) return fromDate(value);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return fromString(value);
  return fail(MESSAGE_FORMAT);
}
