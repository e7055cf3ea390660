import type { Result } from '../result.ts';
import { normalizeCell } from '../text/normalizeText.ts';

export type PhoneErrorCode = 'PHONE_FORMAT';

export const PHONE_ERROR_MESSAGES: Readonly<Record<PhoneErrorCode, string>> = {
  PHONE_FORMAT: '联系电话格式不正确',
};

const MOBILE = /^1[3-9]\d{9}$/;
// Extension written with 转, 分机, ext, x or #.
const EXTENSION = /(?:转|分机|ext\.?|x|#)\s*(?<ext>\d{1,6})$/i;
// +86 / 0086 / (+86) / 86- / 86␠ ; a bare 86 only in front of a complete mobile number.
const COUNTRY_CODE = /^(?:\(?(?:\+|00)86\)?|\(86\)|86(?=[-\s])|86(?=1[3-9]\d{9}$))/;

function fail(): Result<string, PhoneErrorCode> {
  return { ok: false, code: 'PHONE_FORMAT', message: PHONE_ERROR_MESSAGES.PHONE_FORMAT };
}

/** Area code length: 010 and 020–029 have 3 digits, every other one (03xx–09xx) has 4. */
function areaCodeLength(digits: string): 3 | 4 | undefined {
  if (/^0[12]/.test(digits)) return 3;
  if (/^0[3-9]/.test(digits)) return 4;
  return undefined;
}

/** Local numbers have 8 digits behind a 3-digit area code, 7 or 8 behind a 4-digit one, never a leading 0/1. */
function isLocalNumber(local: string, areaLength: 3 | 4): boolean {
  return areaLength === 3 ? /^[2-9]\d{7}$/.test(local) : /^[2-9]\d{6,7}$/.test(local);
}

function landline(area: string, local: string, ext: string | undefined): Result<string, PhoneErrorCode> {
  return { ok: true, value: ext === undefined ? `${area}-${local}` : `${area}-${local}-${ext}` };
}

/**
 * Mainland phone number (电信网编号计划, 工业和信息化部 2017) in canonical form: 13800138000,
 * 010-62345678, 0755-2345678 or 0755-23456789-123. Accepts +86/0086/86- prefixes,
 * full-width digits, spaces, hyphens, parentheses and extensions written with 转/分机/ext/x/#.
 */
export function normalizePhone(raw: string): Result<string, PhoneErrorCode> {
  let s = normalizeCell(raw);
  let ext: string | undefined;
  const extMatch = EXTENSION.exec(s);
  if (extMatch?.groups) {
    ext = extMatch.groups.ext;
    s = s
      .slice(0, extMatch.index)
      .trim()
      .replace(/[-\s]+$/, '');
  }

  const country = COUNTRY_CODE.exec(s);
  const isInternational = country !== null;
  if (country) s = s.slice(country[0].length).replace(/^[-\s]*\(0\)/, '');
  if (!/^[\d\s()-]+$/.test(s)) return fail();

  const groups = s.split(/[\s()-]+/).filter((g) => g !== '');
  let digits = groups.join('');
  if (MOBILE.test(digits)) return ext === undefined ? { ok: true, value: digits } : fail();

  // International format drops the trunk 0 of the area code: +86 10 12345678.
  if (isInternational && !digits.startsWith('0')) {
    digits = `0${digits}`;
    groups[0] = `0${groups[0] ?? ''}`;
  }
  const areaLength = areaCodeLength(digits);
  if (areaLength === undefined) return fail();
  const area = digits.slice(0, areaLength);

  // Area and local number written as separate groups: anything after them is the extension.
  const [first, second, ...rest] = groups;
  if (first === area && second !== undefined && isLocalNumber(second, areaLength)) {
    if (rest.length > 0) {
      const [written, ...extra] = rest;
      if (ext !== undefined || extra.length > 0 || written === undefined || written.length > 6) return fail();
      ext = written;
    }
    return landline(area, second, ext);
  }
  const local = digits.slice(areaLength);
  return isLocalNumber(local, areaLength) ? landline(area, local, ext) : fail();
}
