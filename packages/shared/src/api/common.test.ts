import { describe, expect, it } from 'vitest';
import { dateIn, isStorableJson, optionalText, PageQuery, text, Version } from './common.ts';
import { DATE_RANGES, NUMBER_LIMITS } from './limits.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('text', () => {
  it('trims and accepts ordinary text', () => {
    expect(text('姓名').parse('  张三 ')).toBe('张三');
  });

  it('refuses NUL and other control characters with a message naming the field', () => {
    for (const value of ['a\u0000b', '\u0000', 'x\u001b[31m', 'a\u007fb']) {
      const r = text('姓名').safeParse(value);
      expect(r.success, JSON.stringify(value)).toBe(false);
      expect(messages(r)[0]).toMatch(/^姓名含有不可见的控制字符/);
    }
  });

  it('refuses an unpaired surrogate', () => {
    const r = optionalText('备注', 500).safeParse('a\ud800b');
    expect(messages(r)).toEqual(['备注含有无效的字符（不成对的代理项），请重新输入']);
  });

  it('allows line breaks and tabs only in multi-line text', () => {
    expect(text('备注').safeParse('一\n二').success).toBe(false);
    expect(text('备注', { isMultiline: true }).parse('一\r\n\t二')).toBe('一\r\n\t二');
  });
});

describe('dateIn', () => {
  const today = new Date().toISOString().slice(0, 10);

  it('refuses impossible dates', () => {
    for (const value of ['2026-02-30', '9999-99-99', '2026-13-01', '0000-00-00']) {
      expect(dateIn(DATE_RANGES.filter, '截止日期').safeParse(value).success, value).toBe(false);
    }
  });

  it('refuses dates no record can have, naming the field and the range', () => {
    const founded = dateIn(DATE_RANGES.history, '成立日期');
    expect(messages(founded.safeParse('9999-12-31'))[0]).toMatch(
      /^成立日期应在 1921-07-01 至 \d{4}-\d{2}-\d{2} 之间$/,
    );
    expect(founded.safeParse('1921-06-30').success).toBe(false);
    expect(founded.safeParse('1921-07-01').success).toBe(true);
    expect(founded.safeParse(today).success).toBe(true);
    expect(dateIn(DATE_RANGES.record, '发起日期').safeParse('1900-01-01').success).toBe(false);
    expect(dateIn(DATE_RANGES.birth, '出生日期').safeParse('2999-01-01').success).toBe(false);
  });
});

describe('numbers', () => {
  it('bounds versions and page numbers to what the database holds', () => {
    expect(Version.safeParse(2 ** 31).success).toBe(false);
    expect(Version.safeParse(NUMBER_LIMITS.maxVersion).success).toBe(true);
    expect(PageQuery.safeParse({ page: '1e300' }).success).toBe(false);
  });
});

describe('isStorableJson', () => {
  it('finds an unstorable string at any depth, in keys too', () => {
    expect(isStorableJson({ a: [1, '正常', { b: '多\n行' }] })).toBe(true);
    expect(isStorableJson({ a: [{ b: 'x\u0000' }] })).toBe(false);
    expect(isStorableJson({ 'k\ud800': 1 })).toBe(false);
  });
});
