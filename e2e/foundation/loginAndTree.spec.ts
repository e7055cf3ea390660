import { expect, test } from '@playwright/test';
import { ACCOUNTS } from '../support/accounts.ts';

test('a new user logs in with the form and browses the org tree lazily', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByTestId('login-username').fill(ACCOUNTS.admin.username);
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');

  await page.getByTestId('login-password').fill(ACCOUNTS.admin.password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page).toHaveURL(/\/orgs/);
  const tree = page.getByTestId('org-tree');
  // antd's Tree renders one hidden extra node: count titles, not tree nodes.
  await expect(tree.locator('.ant-tree-title')).toHaveCount(1);
  await expect(tree.locator('.ant-tree-title').first()).toContainText('县委');

  await tree.locator('.ant-tree-switcher').first().click();
  await expect.poll(async () => tree.locator('.ant-tree-title').count()).toBeGreaterThan(2);
  await tree.locator('.ant-tree-title').nth(1).click();
  await expect(page.getByTestId('org-detail-name')).toBeVisible();
});

test('an officer bound to one branch sees only that branch', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(ACCOUNTS.branch.username);
  await page.getByTestId('login-password').fill(ACCOUNTS.branch.password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/orgs/);
  const titles = page.getByTestId('org-tree').locator('.ant-tree-title');
  await expect(titles).toHaveCount(1);
  await expect(titles.first()).toContainText('支部');
  // No user or audit administration for an officer.
  await expect(page.getByRole('menuitem', { name: '用户与角色' })).toHaveCount(0);
  const res = await page.request.get('/api/v1/users');
  expect(res.status()).toBe(403);
});
