import { expect, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

// First renders wait up to a minute: on a loaded machine a page's first data can take 15 s.
test.slow();

test('a township officer collects dues branch by branch, and the confirm names the branch, count and total', async ({
  page,
}) => {
  await loginByApi(page, 'township');
  await page.goto('/dues');
  // The township opens on a choice of its orgs, not on every member of the town ticked.
  const picker = page.getByTestId('dues-pick-branch');
  await expect(picker).toContainText('党费按支部收缴', { timeout: 60_000 });
  await expect(page.getByTestId('dues-sheet')).toHaveCount(0);
  await expect(page.getByTestId('dues-collect')).toHaveCount(0);

  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const townshipId = (me.roles as { orgId: string | null }[]).find((r) => r.orgId)?.orgId;
  const children = await (await page.request.get(`/api/v1/orgs?parentId=${townshipId}&pageSize=200`)).json();
  // A branch that still has members to tick this month: each seeded branch collects on its own day
  // of the month, so which ones have collected depends on today's date (Asia/Shanghai).
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const branches = (
    children.items as { id: string; name: string; shortName: string | null; type: string }[]
  ).filter((o) => o.type === 'branch');
  let branch: (typeof branches)[number] | undefined;
  for (const candidate of branches) {
    const sheet = await (
      await page.request.get(`/api/v1/dues/sheet?orgId=${candidate.id}&month=${month}`)
    ).json();
    if (sheet.totals.unpaidCount > 0) {
      branch = candidate;
      break;
    }
  }
  expect(branch, `a branch of the township with unpaid members in ${month}`).toBeTruthy();
  const label = branch?.shortName ?? branch?.name ?? '';
  await picker
    .getByRole('button', { name: new RegExp(label) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`orgId=${encodeURIComponent(branch?.id ?? '')}`));

  const sheet = page.getByTestId('dues-sheet');
  await expect(sheet.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 60_000 });
  const selection = (await page.getByTestId('dues-selection-total').innerText()).match(
    /已选 (\d+) 人，合计 ([\d.,]+) 元/,
  );
  expect(selection).not.toBeNull();
  const [, count, amount] = selection ?? [];
  expect(Number(count)).toBeGreaterThan(0);
  await page.getByTestId('dues-collect').click();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toContainText(`确认收缴“${label}”的党费？`);
  await expect(dialog).toContainText(`${count} 人，共 ${amount} 元`);
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
});
