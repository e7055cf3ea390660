import { expect, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

const count = (n: number) => n.toLocaleString('en-US');

test('a township officer reads the member structure of the township and of one branch, and it follows a new member', async ({
  page,
}) => {
  await loginByApi(page, 'township');
  const scopeList = await (await page.request.get('/api/v1/members?pageSize=1')).json();

  await page.goto('/stats');
  await expect(page.getByTestId('stats-total')).toContainText(count(scopeList.total));
  for (const title of ['党员类型', '性别', '年龄', '学历', '民族', '所在党组织类别']) {
    await expect(page.locator('.stats-card .ant-card-head-title', { hasText: title })).toBeVisible();
  }
  await expect(page.locator('.stats-card', { hasText: '年龄' })).toContainText('35岁及以下');

  // One branch of the township: pick it in the tree.
  const tree = page.getByTestId('org-tree');
  await tree.locator('.ant-tree-switcher').first().click();
  await expect.poll(async () => tree.locator('.ant-tree-title').count()).toBeGreaterThan(1);
  const branchTitle = tree.locator('.ant-tree-title').nth(1);
  await branchTitle.click();
  await expect(page).toHaveURL(/\/stats\/[^/]+$/);
  const orgId = decodeURIComponent(page.url().split('/').pop() ?? '');
  const branchList = await (await page.request.get(`/api/v1/members?orgId=${orgId}&pageSize=1`)).json();
  const total = page.getByTestId('stats-total');
  await expect(total).toContainText(count(branchList.total));

  // A member added there is counted at once (the rollup adds pending changes on read).
  const res = await page.request.post('/api/v1/members', {
    data: {
      orgId,
      name: '统计测试',
      idNumber: '11010519800517013X',
      status: 'full',
      joinedOn: '2005-07-01',
      confirmedOn: '2006-07-01',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await page.reload();
  await expect(total).toContainText(count(branchList.total + 1));
});
