import type { GenderCode } from '../codes/memberStatus.ts';
import { isRealDate, isValidIsoDate, todayInShanghai, toIsoDate } from '../date/isoDate.ts';
import type { Result } from '../result.ts';
import { normalizeCell } from '../text/normalizeText.ts';

export type CitizenIdErrorCode = 'ID_EMPTY' | 'ID_FORMAT' | 'ID_BIRTHDATE' | 'ID_CHECKSUM';

export const CITIZEN_ID_ERROR_MESSAGES: Readonly<Record<CitizenIdErrorCode, string>> = {
  ID_EMPTY: '请填写公民身份号码',
  ID_FORMAT: '公民身份号码应为18位：前17位为数字，末位为数字或X',
  ID_BIRTHDATE: '公民身份号码中的出生日期无效',
  ID_CHECKSUM: '公民身份号码校验位错误',
};

export type ParsedCitizenId = {
  /** Normalized 18 characters, check character upper-case. */
  readonly id: string;
  /** Address code of first registration (GB/T 2260); may name a since-abolished county. */
  readonly areaCode: string;
  readonly birthDate: string;
  readonly gender: GenderCode;
  readonly checkChar: string;
};

// GB 11643-1999 §8.2 (ISO 7064 MOD 11-2): weight of position i is 2^(17−i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_DATE = '1900-01-01';

/** Form in which IDs are stored and compared: half-width, no whitespace, upper-case X (GB 11643-1999). */
export function normalizeCitizenId(raw: string): string {
  return normalizeCell(raw).replace(/\s/g, '').toUpperCase();
}

/** Check character for the first 17 digits (GB 11643-1999 §8.2); throws RangeError on other input. */
export function computeCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Expected 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(first17[i]);
  });
  return CHECK_CHARS.charAt(sum % 11);
}

function fail(code: CitizenIdErrorCode): Result<ParsedCitizenId, CitizenIdErrorCode> {
  return { ok: false, code, message: CITIZEN_ID_ERROR_MESSAGES[code] };
}

/**
 * 18-character citizen ID (GB 11643-1999): format, real birth date between 1900-01-01 and `today`
 * (default: today in Shanghai), then check character. 15-digit pre-1999 numbers are ID_FORMAT.
 */
export function parseCitizenId(
  raw: string,
  today: string = todayInShanghai(),
): Result<ParsedCitizenId, CitizenIdErrorCode> {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const id = normalizeCitizenId(raw);
  if (id === '') return fail('ID_EMPTY');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('ID_FORMAT');

  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  if (!isRealDate(year, month, day)) return fail('ID_BIRTHDATE');
  const birthDate = toIsoDate(year, month, day);
  if (birthDate < MIN_BIRTH_DATE || birthDate > today) return fail('ID_BIRTHDATE');

  const checkChar = id.charAt(17);
  if (computeCheckChar(id.slice(0, 17)) !== checkChar) return fail('ID_CHECKSUM');

  // The sequence code's last digit (17th character) is odd for men, even for women.
  const gender: GenderCode = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { id, areaCode: id.slice(0, 6), birthDate, gender, checkChar } };
}
