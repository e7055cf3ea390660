import { expect, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

// First renders wait up to a minute: on a loaded machine a page's first data can take 15 s.
test.slow();

// Codes (B4.term-expired, dues.collect, development_person) are for support, not for a secretary:
// each shows as its Chinese label with the code in a tooltip.
const RULE_ID = /\b[A-Z]\d+\.[a-z-]+\b/;
const DOTTED_CODE = /\b[a-z_]+\.[a-z_.]+\b/;

test('warnings name their rule in Chinese, the rule id only in a tooltip', async ({ page }) => {
  await loginByApi(page, 'township');
  await page.goto('/warnings');
  const table = page.getByTestId('warning-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 60_000 });
  expect(await table.innerText()).not.toMatch(RULE_ID);
  const title = table.locator('[data-code]').first();
  const code = await title.getAttribute('data-code');
  expect(code).toMatch(RULE_ID);
  await title.hover();
  await expect(page.getByRole('tooltip')).toHaveText(code ?? '');
});

test('the audit log shows actions and record kinds in Chinese', async ({ page }) => {
  await loginByApi(page, 'township');
  await page.goto('/audit');
  const table = page.getByTestId('audit-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 60_000 });
  expect(await table.innerText()).not.toMatch(DOTTED_CODE);
  // The demo's accounts were created at start: 新建用户, 用户, and the role named in Chinese. Other
  // specs write to the log too, so the filter (by the action's Chinese name) brings them back.
  const filters = page.getByRole('form', { name: '日志筛选条件' });
  await filters.getByLabel('操作').click();
  await page.keyboard.type('新建用户');
  await page.keyboard.press('Enter');
  await filters.getByRole('button', { name: /查\s*询/ }).click();
  await expect(table).toContainText('新建用户');
  await expect(table).toContainText('角色“组织管理员”');
  const action = table.locator('[data-code="user.create"]').first();
  await action.hover();
  await expect(page.getByRole('tooltip')).toHaveText('user.create');
});
