import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_ERROR_MESSAGES } from './normalizePhone.ts';

const ok = (value: string) => ({ ok: true, value });
const formatError = { ok: false, code: 'PHONE_FORMAT', message: '联系电话格式不正确' };

describe('normalizePhone: mobiles', () => {
  it.each([
    ['13800138000'],
    ['138 0013 8000'],
    ['138-0013-8000'],
    ['+86 138-0013-8000'],
    ['+8613800138000'],
    ['0086 13800138000'],
    ['0086-138-0013-8000'],
    ['86-13800138000'],
    ['86 13800138000'],
    ['8613800138000'],
    ['(+86)13800138000'],
    ['（＋８６）１３８００１３８０００'],
    ['１３８００１３８０００'],
    [' 138\u00A00013\u30008000 '],
    ['(138)00138000'],
  ])('%j → 13800138000', (raw) => {
    expect(normalizePhone(raw)).toEqual(ok('13800138000'));
  });

  it('accepts every 1[3-9] prefix and rejects 10–12', () => {
    for (const second of '3456789') expect(normalizePhone(`1${second}012345678`).ok).toBe(true);
    for (const second of '012') expect(normalizePhone(`1${second}012345678`)).toEqual(formatError);
  });

  it('rejects wrong lengths and extensions on mobiles', () => {
    expect(normalizePhone('1380013800')).toEqual(formatError);
    expect(normalizePhone('138001380001')).toEqual(formatError);
    expect(normalizePhone('13800138000转12')).toEqual(formatError);
    expect(normalizePhone('13800138000-12')).toEqual(formatError);
  });

  it('keeps any 11-digit mobile intact', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.constantFrom('', '+86 ', '0086', '86-'),
        (mobile, prefix) => {
          expect(normalizePhone(prefix + mobile)).toEqual(ok(mobile));
        },
      ),
    );
  });
});

describe('normalizePhone: landlines', () => {
  it.each([
    ['010-62345678', '010-62345678'],
    ['01062345678', '010-62345678'],
    ['(010)62345678', '010-62345678'],
    ['（010）6234-5678', '010-62345678'],
    ['010 6234 5678', '010-62345678'],
    ['021-62345678', '021-62345678'],
    ['0755-23456789', '0755-23456789'],
    ['0755 2345 6789', '0755-23456789'],
    ['075523456789', '0755-23456789'],
    ['0931-8123456', '0931-8123456'],
    ['09318123456', '0931-8123456'],
    ['+86 10 6234 5678', '010-62345678'],
    ['+86-755-23456789', '0755-23456789'],
    ['+86 (0)755 22345678', '0755-22345678'],
    ['0086-21-62345678', '021-62345678'],
    ['86 755 2234567', '0755-2234567'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual(ok(expected));
  });

  it.each([
    ['010-62345678-123', '010-62345678-123'],
    ['010-62345678 转 88', '010-62345678-88'],
    ['010-62345678转88', '010-62345678-88'],
    ['010-62345678分机88', '010-62345678-88'],
    ['010-62345678 ext. 12', '010-62345678-12'],
    ['010-62345678 EXT12', '010-62345678-12'],
    ['010-62345678x12', '010-62345678-12'],
    ['021 62345678#9', '021-62345678-9'],
    ['0755-2345678-8', '0755-2345678-8'],
    ['0755-23456789-123456', '0755-23456789-123456'],
  ])('%j with an extension → %j', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual(ok(expected));
  });

  it.each([
    ['62345678', 'no area code'],
    ['010-12345678', 'local number starting with 1'],
    ['010-02345678', 'local number starting with 0'],
    ['010-6234567', '7 digits behind a 3-digit area code'],
    ['0755-234567', '6-digit local number'],
    ['0755-234567890', '9-digit local number'],
    ['001-62345678', 'area code 00x'],
    ['010-62345678-1234567', '7-digit extension'],
    ['010-62345678-12-34', 'extension in two groups'],
    ['010-62345678-12转34', 'two extensions'],
    ['01062345678123', 'extension not set apart'],
    ['400-800-8888', 'service number'],
    ['95588', 'short number'],
    ['010-6234abcd', 'letters'],
    ['tel:13800138000', 'URI'],
    ['', 'empty'],
    ['  ', 'blank'],
    ['+1 212 555 0100', 'foreign number'],
  ])('rejects %j (%s)', (raw) => {
    expect(normalizePhone(raw)).toEqual(formatError);
  });
});

describe('normalizePhone: properties', () => {
  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const first = normalizePhone(raw);
        if (first.ok) expect(normalizePhone(first.value)).toEqual(first);
        else expect(first.message).toBe(PHONE_ERROR_MESSAGES.PHONE_FORMAT);
      }),
    );
  });

  it('round-trips generated landlines', () => {
    const landline = fc.oneof(
      fc.tuple(fc.stringMatching(/^0(10|2\d)$/), fc.stringMatching(/^[2-9]\d{7}$/)),
      fc.tuple(fc.stringMatching(/^0[3-9]\d\d$/), fc.stringMatching(/^[2-9]\d{6,7}$/)),
    );
    fc.assert(
      fc.property(
        landline,
        fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
        ([area, local], ext) => {
          const canonical = ext === undefined ? `${area}-${local}` : `${area}-${local}-${ext}`;
          expect(normalizePhone(canonical)).toEqual(ok(canonical));
          expect(normalizePhone(`(${area}) ${local}${ext === undefined ? '' : ` 转 ${ext}`}`)).toEqual(
            ok(canonical),
          );
        },
      ),
    );
  });
});
