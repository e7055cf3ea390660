import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareIsoDate,
  dateInShanghai,
  daysBetween,
  daysInMonth,
  formatDate,
  isLeapYear,
  isoDateParts,
  isRealDate,
  isValidIsoDate,
  todayInShanghai,
  toIsoDate,
} from './isoDate.ts';

const isoDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map(formatDate);

describe('isLeapYear / daysInMonth / isRealDate', () => {
  it('follows the Gregorian rules', () => {
    expect([1900, 2000, 2004, 2023, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2015, 4)).toBe(30);
    expect(daysInMonth(2015, 12)).toBe(31);
  });

  it('rejects impossible parts', () => {
    expect(isRealDate(2015, 2, 29)).toBe(false);
    expect(isRealDate(2016, 2, 29)).toBe(true);
    expect(isRealDate(2015, 13, 1)).toBe(false);
    expect(isRealDate(2015, 0, 1)).toBe(false);
    expect(isRealDate(2015, 1, 0)).toBe(false);
    expect(isRealDate(2015, 4, 31)).toBe(false);
    expect(isRealDate(2015, 1.5, 1)).toBe(false);
    expect(isRealDate(0, 1, 1)).toBe(false);
    expect(isRealDate(10000, 1, 1)).toBe(false);
  });
});

describe('toIsoDate', () => {
  it('zero-pads', () => {
    expect(toIsoDate(2015, 7, 1)).toBe('2015-07-01');
    expect(toIsoDate(99, 1, 2)).toBe('0099-01-02');
  });
});

describe('isValidIsoDate', () => {
  it('accepts only YYYY-MM-DD naming a real day', () => {
    expect(isValidIsoDate('2015-07-01')).toBe(true);
    expect(isValidIsoDate('2016-02-29')).toBe(true);
    expect(isValidIsoDate('2015-02-29')).toBe(false);
    expect(isValidIsoDate('2015-7-1')).toBe(false);
    expect(isValidIsoDate('2015-07-01T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(' 2015-07-01')).toBe(false);
    expect(isValidIsoDate('2015-00-10')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });
});

describe('isoDateParts', () => {
  it('splits a valid date and throws on anything else', () => {
    expect(isoDateParts('2015-07-01')).toEqual({ year: 2015, month: 7, day: 1 });
    expect(() => isoDateParts('2015-02-30')).toThrow(RangeError);
    expect(() => isoDateParts('x')).toThrow(RangeError);
  });
});

describe('compareIsoDate', () => {
  it('orders dates', () => {
    expect(compareIsoDate('2015-07-01', '2015-07-02')).toBe(-1);
    expect(compareIsoDate('2015-07-01', '2015-07-01')).toBe(0);
    expect(compareIsoDate('2016-01-01', '2015-12-31')).toBe(1);
  });

  it('throws on invalid input rather than comparing garbage', () => {
    expect(() => compareIsoDate('2015-7-1', '2015-07-01')).toThrow(RangeError);
  });

  it('agrees with time order', () => {
    fc.assert(
      fc.property(isoDateArb, isoDateArb, (a, b) => {
        expect(compareIsoDate(a, b)).toBe(Math.sign(Date.parse(a) - Date.parse(b)));
      }),
    );
  });
});

describe('formatDate', () => {
  it('reads UTC fields', () => {
    expect(formatDate(new Date(Date.UTC(2015, 6, 1)))).toBe('2015-07-01');
    expect(formatDate(new Date('2015-07-01T23:59:59.999Z'))).toBe('2015-07-01');
  });

  it('throws on an invalid Date', () => {
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('addMonths / addYears', () => {
  it('keeps the day when it exists', () => {
    expect(addMonths('2015-07-01', 6)).toBe('2016-01-01');
    expect(addMonths('2015-07-15', -7)).toBe('2014-12-15');
    expect(addYears('2015-07-01', 1)).toBe('2016-07-01');
    expect(addYears('2015-07-01', -3)).toBe('2012-07-01');
  });

  it('clamps to the last day of a shorter month (民法典 第二百零三条)', () => {
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2015-03-31', 1)).toBe('2015-04-30');
    expect(addYears('2016-02-29', 1)).toBe('2017-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
  });

  it('rejects non-integers and invalid dates', () => {
    expect(() => addYears('2015-07-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2015-07-01', 0.5)).toThrow(RangeError);
    expect(() => addYears('2015-02-29', 1)).toThrow(RangeError);
    expect(() => addYears('9999-01-01', 1)).toThrow(RangeError);
  });

  it('always yields a valid date that many months later', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -1200, max: 1200 }), (iso, n) => {
        const result = addMonths(iso, n);
        expect(isValidIsoDate(result)).toBe(true);
        const a = isoDateParts(iso);
        const b = isoDateParts(result);
        expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(n);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
    );
  });
});

describe('addDays / daysBetween', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(daysBetween('2015-07-01', '2016-07-01')).toBe(366);
    expect(daysBetween('2016-07-01', '2015-07-01')).toBe(-366);
  });

  it('works for years before 100, where Date.UTC would misread them', () => {
    expect(daysBetween('0050-01-01', '0050-01-02')).toBe(1);
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('are inverse', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -40_000, max: 40_000 }), (iso, n) => {
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });

  it('rejects non-integers', () => {
    expect(() => addDays('2015-07-01', 0.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts whole years completed', () => {
    expect(ageOn('2000-07-01', '2018-06-30')).toBe(17);
    expect(ageOn('2000-07-01', '2018-07-01')).toBe(18);
    expect(ageOn('2000-07-01', '2000-07-01')).toBe(0);
    expect(ageOn('2000-12-31', '2001-12-30')).toBe(0);
  });

  it('treats 03-01 as the birthday of someone born on 02-29 in non-leap years', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageOn('2000-02-29', '2016-02-28')).toBe(15);
    expect(ageOn('2000-02-29', '2016-02-29')).toBe(16);
  });

  it('is negative before birth', () => {
    expect(ageOn('2000-07-01', '2000-06-30')).toBe(-1);
  });

  it('throws on invalid dates', () => {
    expect(() => ageOn('2000-02-30', '2018-01-01')).toThrow(RangeError);
  });

  it('reaches n exactly on the n-th birthday', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 1, max: 100 }), (birth, n) => {
        const birthday = addYears(birth, n);
        // addYears clamps 02-29 to 02-28, one day before the 03-01 birthday ageOn uses.
        const onBirthday =
          birthday.endsWith('-02-28') && birth.endsWith('-02-29') ? addDays(birthday, 1) : birthday;
        expect(ageOn(birth, onBirthday)).toBe(n);
        expect(ageOn(birth, addDays(onBirthday, -1))).toBe(n - 1);
      }),
    );
  });
});

describe('dateInShanghai / todayInShanghai', () => {
  it('uses UTC+8', () => {
    expect(dateInShanghai(new Date('2015-06-30T15:59:59Z'))).toBe('2015-06-30');
    expect(dateInShanghai(new Date('2015-06-30T16:00:00Z'))).toBe('2015-07-01');
    expect(todayInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
  });

  it('defaults to now', () => {
    expect(isValidIsoDate(todayInShanghai())).toBe(true);
  });
});
