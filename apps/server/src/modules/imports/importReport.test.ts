import { describe, expect, it } from 'vitest';
import { commonPath, MAX_REPORTED_ERRORS, ReportBuilder, rowMessage } from './importReport.ts';
import { MEMBER_COLUMNS } from './templateColumns.ts';

describe('rowMessage', () => {
  it('names the row and the column, without repeating the column in the reason', () => {
    expect(rowMessage(7, '公民身份号码', '公民身份号码校验位错误')).toBe(
      '第 7 行「公民身份号码」：校验位错误',
    );
    expect(rowMessage(8, '出生日期', '出生日期：日期格式不正确')).toBe('第 8 行「出生日期」：日期格式不正确');
    expect(rowMessage(9, '所在党组织', '请填写所在党组织')).toBe('第 9 行「所在党组织」：请填写所在党组织');
    expect(rowMessage(3, '', '超过上限')).toBe('第 3 行：超过上限');
    // Reasons quote cells; a huge cell does not make a huge report.
    expect(rowMessage(4, '民族', `民族“${'火'.repeat(100_000)}”不在代码表中`).length).toBeLessThan(320);
  });
});

describe('ReportBuilder', () => {
  it('orders a row’s problems by template column and counts bad rows', () => {
    const report = new ReportBuilder(MEMBER_COLUMNS);
    report.total = 2;
    report.addRow(5, [
      { field: 'phone', code: 'PHONE_FORMAT', reason: '联系电话格式不正确' },
      { field: 'name', code: 'REQUIRED', reason: '请填写姓名' },
    ]);
    report.addRow(6, []);
    expect(report.errorRows).toBe(1);
    expect(report.toReport().errors).toEqual([
      { row: 5, column: '姓名', code: 'REQUIRED', message: '第 5 行「姓名」：请填写姓名' },
      { row: 5, column: '联系电话', code: 'PHONE_FORMAT', message: '第 5 行「联系电话」：格式不正确' },
    ]);
  });

  it('caps the error list and says how many were left out', () => {
    const report = new ReportBuilder(MEMBER_COLUMNS);
    for (let i = 0; i < MAX_REPORTED_ERRORS + 3; i += 1) {
      report.addRow(i + 2, [{ field: 'name', code: 'REQUIRED', reason: '请填写姓名' }]);
    }
    const { errors } = report.toReport();
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)?.code).toBe('TOO_MANY_ERRORS');
    expect(errors.at(-1)?.message).toContain('另有 3 条');
  });

  it('reports nothing as written when an atomic import is rejected', () => {
    const report = new ReportBuilder(MEMBER_COLUMNS);
    report.total = 3;
    report.created = 2;
    expect(report.toReport(true)).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 0 });
  });
});

describe('commonPath', () => {
  it('finds the lowest common ancestor path', () => {
    expect(commonPath(['/1/k3/9a/', '/1/k3/9b/'])).toBe('/1/k3/');
    expect(commonPath(['/1/k3/', '/1/k3/9a/'])).toBe('/1/k3/');
    expect(commonPath(['/1/', '/2/'])).toBeNull();
    expect(commonPath([])).toBeNull();
  });
});
