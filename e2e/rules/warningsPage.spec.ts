import { expect, test } from '@playwright/test';
import { loginByApi } from '../support/accounts.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test('a township officer sees each warning with its citation on screen, without scrolling sideways', async ({
  page,
}) => {
  await loginByApi(page, 'township');
  await page.goto('/warnings');
  const table = page.getByTestId('warning-table');
  const firstRow = table.locator('tbody tr.ant-table-row').first();
  await expect(firstRow).toBeVisible();
  // Seeded dues give the township arrears warnings, each citing its article.
  await page.getByText(/^违规 \d+$/).click();
  const citation = table.locator('tbody tr.ant-table-row').first().locator('td').nth(3);
  await expect(citation).toContainText(/《.+》第.+条/);
  await expect(citation).toBeInViewport({ ratio: 1 });
});
