import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { computeCheckChar } from '../../packages/shared/src/idNumber/citizenId.ts';
import { loginByApi } from '../support/accounts.ts';

function citizenId(birth: string, seq: number): string {
  const body = `110101${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + computeCheckChar(body);
}

/** A roster as offices keep them: a title row, a 序号 column, columns in their own order. */
async function writeRoster(orgName: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['某村党员花名册（2026年）']);
  sheet.addRow([
    '序号',
    '姓名',
    '公民身份号码',
    '性别',
    '民族',
    '学历',
    '党员类型',
    '入党日期',
    '转正日期',
    '所在党组织',
    '联系电话',
  ]);
  sheet.addRow([
    1,
    '端测甲',
    citizenId('1971-03-05', 981),
    '男',
    '汉',
    '本科',
    '正式党员',
    '1998/7/1',
    '1999年7月1日',
    orgName,
    '+86 139-0000-1111',
  ]);
  sheet.addRow([
    2,
    '端测乙',
    '110101197103050001',
    '男',
    '汉族',
    '高中',
    '正式党员',
    '1998-07-01',
    '',
    orgName,
    '',
  ]);
  sheet.addRow([
    3,
    '端测丙',
    citizenId('1990-01-02', 982),
    '女',
    '汉族',
    '大专',
    '预备党员',
    '2026-03-01',
    '2026-06-01',
    orgName,
    '',
  ]);
  sheet.addRow([]);
  sheet.addRow([
    4,
    '端测丁',
    citizenId('1985-11-30', 984),
    '女',
    '回族',
    '中专',
    '预备党员',
    new Date(Date.UTC(2026, 1, 10)),
    '',
    orgName,
    '0376-6234567',
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-e2e-'));
  const file = join(dir, '党员花名册.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

async function importFile(page: Page, file: string) {
  await page.goto('/imports');
  await page.getByTestId('import-kind').getByText('党员').click();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-mode').getByText('导入正确行').click();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-counts')).toBeVisible({ timeout: 30_000 });
}

test('a branch imports a roster with bad rows, sees each one named, and a second run creates nothing', async ({
  page,
}) => {
  await loginByApi(page, 'branch');
  const orgs = await (await page.request.get('/api/v1/orgs')).json();
  const orgName = orgs.items[0].name as string;
  const file = await writeRoster(orgName);

  await importFile(page, file);
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('4');
  const report = page.getByTestId('import-report-table');
  // Excel row numbers: header on row 2, so the bad rows are 4 and 5.
  // Each problem by its Chinese label; the code stays in a tooltip for support.
  await expect(report.locator('tbody tr', { has: page.locator('[data-code="ID_CHECKSUM"]') })).toContainText(
    '4',
  );
  await expect(report.locator('tbody tr', { hasText: '身份号码校验位错误' })).toContainText('4');
  await expect(report.locator('tbody tr', { hasText: '预备党员不应有转正日期' })).toContainText('5');
  await expect(report).not.toContainText('ID_CHECKSUM');
  await expect(report).toContainText('公民身份号码');

  const download = page.waitForEvent('download');
  await page.getByTestId('import-report-download').click();
  const reportFile = await (await download).path();
  const reportBook = new ExcelJS.Workbook();
  await reportBook.xlsx.readFile(reportFile);
  expect(reportBook.worksheets[0]?.rowCount).toBeGreaterThanOrEqual(3);

  const imported = await (await page.request.get(`/api/v1/members?q=${encodeURIComponent('端测')}`)).json();
  expect(imported.items.map((m: { name: string }) => m.name).sort()).toEqual(['端测丁', '端测甲']);

  await importFile(page, file);
  const again = await page.getByTestId('import-counts').textContent();
  expect(again).toMatch(/新增\D*0/);
  const after = await (await page.request.get(`/api/v1/members?q=${encodeURIComponent('端测')}`)).json();
  expect(after.total).toBe(2);
});

test('the member list exports to Excel with the filters applied and identifiers masked', async ({ page }) => {
  await loginByApi(page, 'branch');
  const total = (await (await page.request.get('/api/v1/members?pageSize=1')).json()).total as number;
  const listed = page.waitForResponse((r) => r.url().includes('/api/v1/members?') && r.ok());
  await page.goto('/members');
  await listed;
  await expect(page.getByTestId('member-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('member-export').click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the export has no worksheet');
  const headerValues = sheet.getRow(1).values as unknown[];
  const header = headerValues.filter(Boolean);
  expect(header).toEqual(expect.arrayContaining(['姓名', '公民身份号码', '所在党组织']));
  let rows = 0;
  sheet.eachRow((row, n) => {
    if (n > 1 && row.hasValues) rows += 1;
  });
  expect(rows).toBe(total);
  const idColumn = headerValues.indexOf('公民身份号码');
  expect(String(sheet.getRow(2).getCell(idColumn).value)).toMatch(/\*{8}/);
});
