import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateInput } from './parseDate.ts';

const ok = (value: string) => ({ ok: true, value });
const isFormatError = { ok: false, code: 'DATE_FORMAT' };

function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Excel 1900 serial, written independently of the parser: days since 1899-12-30, minus the phantom 02-29. */
function excelSerial(iso: string): number {
  const days = (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return iso < '1900-03-01' ? days - 1 : days;
}

describe('parseDateInput: text', () => {
  it.each([
    ['2015-07-01'],
    ['2015-7-1'],
    ['2015/7/1'],
    ['2015/07/01'],
    ['2015.07.01'],
    ['2015.7.1'],
    ['2015年7月1日'],
    ['2015年07月01日'],
    ['2015年7月1'],
    ['2015 年 7 月 1 日'],
    ['2015 - 07 - 01'],
    ['20150701'],
    ['  2015-07-01\t'],
    ['２０１５－０７－０１'],
    ['２０１５年７月１日'],
    ['\u3000２０１５．７．１\u3000'],
    ['\uFEFF2015-07-01'],
    ['2015-07-01 00:00:00'],
    ['2015-07-01 23:59'],
    ['2015/7/1 8:05:09'],
    ['2015-07-01T12:34:56'],
    ['2015-07-01T12:34:56.789'],
    ['2015-07-01T00:00:00+08:00'],
    ['2015-07-01T00:00:00Z'],
    ['2015-06-30T16:00:00.000Z'],
    ['2015-06-30T12:00:00-04:00'],
    ['2015-07-01T10:00:00+0800'],
  ])('%j → 2015-07-01', (input) => {
    expect(parseDateInput(input)).toEqual(ok('2015-07-01'));
  });

  it('reads a zoned timestamp as the calendar day in Shanghai', () => {
    expect(parseDateInput('2015-06-30T15:59:59Z')).toEqual(ok('2015-06-30'));
    expect(parseDateInput('2015-06-30T16:00:00Z')).toEqual(ok('2015-07-01'));
  });

  it.each([
    [''],
    ['   '],
    ['2015-07'],
    ['2015'],
    ['15-07-01'],
    ['07/01/2015'],
    ['2015-07/01'],
    ['2015-07-01-'],
    ['2015 07 01'],
    ['2015-07-01 25:00'],
    ['2015-07-01 12:60'],
    ['2015-07-01T12'],
    ['2015-07-01X'],
    ['二〇一五年七月一日'],
    ['2015070'],
    ['201507011'],
    ['yesterday'],
  ])('rejects the format of %j', (input) => {
    expect(parseDateInput(input)).toMatchObject(isFormatError);
  });

  it.each([['2015-02-29'], ['2015-13-01'], ['2015-00-10'], ['2015-04-31'], ['2015年2月30日'], ['20150229']])(
    'rejects the impossible date %j',
    (input) => {
      expect(parseDateInput(input)).toEqual({ ok: false, code: 'DATE_FORMAT', message: '日期不存在' });
    },
  );

  it('accepts 02-29 in leap years, including 2000', () => {
    expect(parseDateInput('2016-02-29')).toEqual(ok('2016-02-29'));
    expect(parseDateInput('2000-02-29')).toEqual(ok('2000-02-29'));
    expect(parseDateInput('1900-02-29')).toMatchObject(isFormatError);
  });

  it('keeps to the years 1900–2100', () => {
    expect(parseDateInput('1900-01-01')).toEqual(ok('1900-01-01'));
    expect(parseDateInput('2100-12-31')).toEqual(ok('2100-12-31'));
    expect(parseDateInput('1899-12-31')).toMatchObject({
      ...isFormatError,
      message: expect.stringContaining('范围'),
    });
    expect(parseDateInput('2101-01-01')).toMatchObject(isFormatError);
  });
});

describe('parseDateInput: Date', () => {
  it('reads the UTC fields, as exceljs produces UTC midnight', () => {
    expect(parseDateInput(new Date(Date.UTC(2015, 6, 1)))).toEqual(ok('2015-07-01'));
    expect(parseDateInput(new Date('2015-07-01T23:59:59Z'))).toEqual(ok('2015-07-01'));
  });

  it('rejects invalid and out-of-range Dates', () => {
    expect(parseDateInput(new Date(Number.NaN))).toMatchObject(isFormatError);
    expect(parseDateInput(new Date(Date.UTC(1899, 11, 31)))).toMatchObject(isFormatError);
    expect(parseDateInput(new Date(Date.UTC(2101, 0, 1)))).toMatchObject(isFormatError);
  });
});

describe('parseDateInput: numbers', () => {
  it('reads Excel serials with the Lotus 1900 leap-year bug', () => {
    expect(parseDateInput(1)).toEqual(ok('1900-01-01'));
    expect(parseDateInput(59)).toEqual(ok('1900-02-28'));
    expect(parseDateInput(60)).toMatchObject(isFormatError);
    expect(parseDateInput(61)).toEqual(ok('1900-03-01'));
    expect(parseDateInput(42186)).toEqual(ok('2015-07-01'));
    expect(parseDateInput(73415)).toEqual(ok('2100-12-31'));
  });

  it('ignores the time-of-day fraction', () => {
    expect(parseDateInput(42186.999)).toEqual(ok('2015-07-01'));
    expect(parseDateInput(1.5)).toEqual(ok('1900-01-01'));
  });

  it('rejects serials outside 1..2958465 and beyond 2100', () => {
    expect(parseDateInput(0)).toMatchObject(isFormatError);
    expect(parseDateInput(0.5)).toMatchObject(isFormatError);
    expect(parseDateInput(-1)).toMatchObject(isFormatError);
    expect(parseDateInput(73416)).toMatchObject(isFormatError);
    expect(parseDateInput(2_958_465)).toMatchObject(isFormatError);
    expect(parseDateInput(2_958_466)).toMatchObject(isFormatError);
    expect(parseDateInput(Number.NaN)).toMatchObject(isFormatError);
    expect(parseDateInput(Number.POSITIVE_INFINITY)).toMatchObject(isFormatError);
  });

  it('reads an 8-digit integer as YYYYMMDD, as a General cell holds 20150701', () => {
    expect(parseDateInput(20150701)).toEqual(ok('2015-07-01'));
    expect(parseDateInput(20150229)).toMatchObject(isFormatError);
    expect(parseDateInput(20150701.5)).toMatchObject(isFormatError);
  });
});

describe('parseDateInput: other values', () => {
  it.each([[null], [undefined], [true], [{}], [[2015, 7, 1]], [BigInt(42186)]])('rejects %s', (input) => {
    expect(parseDateInput(input)).toMatchObject({ ...isFormatError, message: expect.any(String) });
  });
});

describe('parseDateInput: every accepted form round-trips', () => {
  const dayArb = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

  it('parses each textual form, the Date, the serial and the YYYYMMDD number to the same ISO date', () => {
    fc.assert(
      fc.property(dayArb, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, mm, dd] = iso.split('-') as [string, string, string];
        const [m, d] = [String(Number(mm)), String(Number(dd))];
        const texts = [
          iso,
          `${y}-${m}-${d}`,
          `${y}/${m}/${d}`,
          `${y}/${mm}/${dd}`,
          `${y}.${mm}.${dd}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          `${y}年${mm}月${dd}日`,
          `${y}${mm}${dd}`,
          `${iso} 00:00:00`,
          `${iso}T13:45:00`,
          `${iso}T00:00:00+08:00`,
        ];
        const inputs: unknown[] = [
          ...texts,
          ...texts.map(toFullWidth),
          ...texts.map((t) => ` \u3000${t} `),
          date,
          excelSerial(iso),
          excelSerial(iso) + 0.25,
          Number(`${y}${mm}${dd}`),
        ];
        for (const input of inputs) expect(parseDateInput(input), JSON.stringify(input)).toEqual(ok(iso));
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double(), fc.date()), (value) => {
        const result = parseDateInput(value);
        if (result.ok) expect(result.value).toMatch(/^(19\d\d|20\d\d|2100)-\d\d-\d\d$/);
        else expect(result.code).toBe('DATE_FORMAT');
      }),
    );
  });
});
