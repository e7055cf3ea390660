import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginByApi } from '../support/accounts.ts';

const CITIZEN_ID = /^\d{17}[\dX]$/;

test('an ID-number search goes by POST and never into the page URL', async ({ page }) => {
  await loginByApi(page, 'branch');
  const list = await (await page.request.get('/api/v1/members?pageSize=1')).json();
  const first = list.items[0] as { id: string; name: string };
  const revealed = await page.request.post(`/api/v1/members/${first.id}/reveal`, {
    data: { field: 'idNumber' },
  });
  const idNumber = (await revealed.json()).value as string;
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  const listed = page.waitForResponse((r) => r.url().includes('/api/v1/members?') && r.ok());
  await page.goto('/members');
  await listed;
  await expect(page.getByTestId('member-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  const searched = page.waitForResponse((r) => r.url().endsWith('/api/v1/members/search') && r.ok());
  await page.getByLabel('公民身份号码').fill(idNumber);
  await page.getByTestId('member-search').click();
  await searched;
  await expect(page.getByTestId('member-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('member-table')).toContainText(first.name);
  expect(page.url()).not.toContain(idNumber);
  expect(urls.filter((u) => u.includes(idNumber))).toEqual([]);
});

test('the full export is offered apart from the masked one, confirmed, and holds whole ID numbers', async ({
  page,
}) => {
  await loginByApi(page, 'branch');
  const listed = page.waitForResponse((r) => r.url().includes('/api/v1/members?') && r.ok());
  await page.goto('/members');
  await listed;
  await expect(page.getByTestId('member-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(page.getByTestId('member-export')).toHaveText(/脱敏/);
  await page.getByTestId('member-export-full').click();
  await expect(page.getByRole('dialog')).toContainText('记入审计日志');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出并记录' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the export has no worksheet');
  const header = sheet.getRow(1).values as unknown[];
  const idColumn = header.indexOf('公民身份号码');
  expect(String(sheet.getRow(2).getCell(idColumn).value)).toMatch(CITIZEN_ID);
});
