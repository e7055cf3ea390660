import { describe, expect, it } from 'vitest';
import { headerKey, matchHeaderRow } from './headerRow.ts';
import { MEMBER_COLUMNS, ORG_COLUMNS } from './templateColumns.ts';

/** exceljs row values are 1-based: index 0 stays empty. */
const row = (...cells: unknown[]) => [undefined, ...cells];

describe('headerKey', () => {
  it('folds width, spaces, case, required marks and parenthesized hints', () => {
    expect(headerKey('  姓　名 ')).toBe('姓名');
    expect(headerKey('＊公民身份号码（必填）')).toBe('公民身份号码');
    expect(headerKey('*入党日期(YYYY-MM-DD)')).toBe('入党日期');
    expect(headerKey('联系电话：')).toBe('联系电话');
    expect(headerKey('【必填】所在党组织')).toBe('所在党组织');
  });
});

describe('matchHeaderRow', () => {
  it('maps columns in any order and ignores 序号 and unknown columns', () => {
    const match = matchHeaderRow(
      row('序号', '入党日期', '所在党组织', '籍贯', '爱好', '姓名', '党员类型', '公民身份号码'),
      MEMBER_COLUMNS,
      3,
    );
    expect(match?.rowNumber).toBe(3);
    expect(Object.fromEntries(match?.columns ?? [])).toEqual({
      joinedOn: 2,
      org: 3,
      nativePlace: 4,
      name: 6,
      status: 7,
      idNumber: 8,
    });
    expect(match?.ignored).toEqual(['序号', '爱好']);
    expect(match?.missing).toEqual([]);
  });

  it('accepts full-width, spaced, marked and alias headers', () => {
    const match = matchHeaderRow(
      row('＊姓　名', '身份证号', '入党时间', '党员类别', '所在支部', '手机号码（选填）'),
      MEMBER_COLUMNS,
      1,
    );
    expect([...(match?.columns.keys() ?? [])].sort()).toEqual(
      ['joinedOn', 'idNumber', 'name', 'org', 'phone', 'status'].sort(),
    );
  });

  it('does not take a title row for the header', () => {
    expect(matchHeaderRow(row('中共示例街道工作委员会党员花名册'), MEMBER_COLUMNS, 1)).toBeNull();
    expect(
      matchHeaderRow(row('填报单位：', '第一党支部', '', '填报日期：2026年1月1日'), MEMBER_COLUMNS, 2),
    ).toBeNull();
    // Optional columns alone are not a header.
    expect(matchHeaderRow(row('备注', '籍贯'), MEMBER_COLUMNS, 2)).toBeNull();
  });

  it('reports the required columns a header lacks', () => {
    const match = matchHeaderRow(row('姓名', '公民身份号码', '入党日期'), MEMBER_COLUMNS, 1);
    expect(match?.missing.map((s) => s.header)).toEqual(['党员类型', '所在党组织']);
  });

  it('keeps the first of two columns with the same header', () => {
    const match = matchHeaderRow(row('组织名称', '组织类型', '组织名称', '组织类别'), ORG_COLUMNS, 1);
    expect(match?.columns.get('name')).toBe(1);
  });
});
