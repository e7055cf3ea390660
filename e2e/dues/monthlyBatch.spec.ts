import { expect, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

test('a branch secretary collects a month of dues for the whole branch in one screen', async ({ page }) => {
  await loginByApi(page, 'branch');
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const orgId = (me.roles as { orgId: string | null }[]).find((r) => r.orgId)?.orgId;
  expect(orgId).toBeTruthy();

  await page.goto('/dues');
  const sheet = page.getByTestId('dues-sheet');
  const rows = sheet.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);

  // Seeded members have no dues standard yet: set one for all of them at once (farmers, 0.20 元).
  const batch = page.getByTestId('dues-batch-profile');
  if (await batch.isVisible()) {
    await batch.click();
    const form = page.getByTestId('dues-batch-profile-form');
    await expect(form.getByTestId('dues-preview')).toContainText('每月应交 0.20 元');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect(batch).toBeHidden();
  }

  // Everyone who owes is ticked, with the standard filled in; one click writes the batch.
  await expect(page.getByTestId('dues-selection-total')).toContainText(`已选 ${count} 人`);
  await expect(sheet.locator('[data-state="unpaid"]')).toHaveCount(count);
  await page.getByTestId('dues-collect').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确认收缴/ })
    .click();
  await expect(page.getByText(new RegExp(`已收缴 ${count} 人`))).toBeVisible();
  await expect(sheet.locator('[data-state="paid"]')).toHaveCount(count);

  // The screen opens on the current month in Asia/Shanghai (the browser's zone in playwright.config.ts).
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  await expect(page.getByTestId('dues-month')).toHaveValue(month);
  const saved = await (await page.request.get(`/api/v1/dues/sheet?orgId=${orgId}&month=${month}`)).json();
  expect(saved.totals.paidCount).toBe(count);
  expect(saved.totals.unpaidCount).toBe(0);
});
