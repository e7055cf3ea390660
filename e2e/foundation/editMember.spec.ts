import { expect, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

test('a secretary finds a member by name, edits them and sees the change in the timeline', async ({
  page,
}) => {
  await loginByApi(page, 'branch');
  const list = await (await page.request.get('/api/v1/members?pageSize=1')).json();
  const target = list.items[0] as { id: string; name: string };
  expect(target).toBeTruthy();

  await page.goto('/members');
  await page.getByTestId('member-filters').getByLabel('姓名').fill(target.name);
  await page.getByTestId('member-search').click();
  const table = page.getByTestId('member-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText(target.name);
  await table.locator('tbody tr.ant-table-row').first().click();

  const detail = page.getByTestId('member-detail');
  await expect(detail).toContainText(target.name);
  await detail.getByTestId('member-edit').click();
  const form = page.getByTestId('member-form');
  const workUnit = form.getByLabel('工作单位');
  await workUnit.fill('端到端测试合作社');
  await form.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  await expect(detail).toContainText('端到端测试合作社');
  await expect(page.getByTestId('member-timeline')).toContainText('修改');

  const saved = await (await page.request.get(`/api/v1/members/${target.id}`)).json();
  expect(saved.workUnit).toBe('端到端测试合作社');
});

test('field errors from the server appear in Chinese under the field', async ({ page }) => {
  await loginByApi(page, 'branch');
  await page.goto('/members');
  await page.getByTestId('member-create').click();
  const form = page.getByTestId('member-form');
  await form.getByLabel('姓名').fill('测试人');
  await form.getByLabel('公民身份号码').fill('110105198005170011');
  await form.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  await expect(form.locator('.ant-form-item-explain-error', { hasText: '校验位' })).toBeVisible();
  const created = await (await page.request.get('/api/v1/members?q=%E6%B5%8B%E8%AF%95%E4%BA%BA')).json();
  expect(created.total).toBe(0);
});
