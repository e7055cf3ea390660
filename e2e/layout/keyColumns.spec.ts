import { expect, type Page, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

// First renders wait up to a minute: on a loaded machine a page's first data can take 15 s.
test.slow();

/** The page does not scroll sideways: everything fits the viewport's width. */
async function fitsWidth(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  // (The e2e sources compile without the DOM library; the page's document is reached through globalThis.)
  const scrollWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

test.describe('desktop, 1440 px', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the member list shows 所在党组织 by short name and 联系电话 without scrolling', async ({ page }) => {
    await loginByApi(page, 'township');
    await page.goto('/members');
    const table = page.getByTestId('member-table');
    await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 60_000 });
    for (const header of ['姓名', '所在党组织', '联系电话']) {
      await expect(table.getByRole('columnheader', { name: header })).toBeInViewport({ ratio: 1 });
    }
    const org = table.getByTestId('member-org').first();
    await expect(org).toBeInViewport({ ratio: 1 });
    // Short name in the cell (no 中共 prefix), the full name on hover.
    await expect(org).not.toContainText('中共');
    await org.hover();
    await expect(page.getByRole('tooltip')).toContainText('中共');
  });
});

test.describe('phone, 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('members, warnings and the audit log are cards with their key fields', async ({ page }) => {
    await loginByApi(page, 'township');
    await page.goto('/members');
    const card = page.getByTestId('member-card').first();
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(card.getByTestId('member-org')).toBeInViewport({ ratio: 1 });
    await expect(card).toContainText(/\d{3}\*{4}\d{4}/); // the masked phone
    await fitsWidth(page);

    await page.goto('/warnings');
    const warning = page.getByTestId('warning-card').first();
    await expect(warning).toBeVisible({ timeout: 60_000 });
    await expect(warning).toContainText(/《.+》/);
    await expect(warning).toBeInViewport();
    await fitsWidth(page);

    await page.goto('/audit');
    const entry = page.getByTestId('audit-card').first();
    await expect(entry).toBeVisible({ timeout: 60_000 });
    await expect(entry).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await fitsWidth(page);
  });

  test('the dues sheet keeps name, amount and state on screen', async ({ page }) => {
    await loginByApi(page, 'branch');
    await page.goto('/dues');
    const sheet = page.getByTestId('dues-sheet');
    await expect(sheet.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 60_000 });
    for (const header of ['姓名', '状态']) {
      await expect(sheet.getByRole('columnheader', { name: header })).toBeInViewport({ ratio: 1 });
    }
    await fitsWidth(page);
  });
});
