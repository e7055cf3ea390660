import { expect, type Page } from '@playwright/test';

/** Accounts the e2e server has: `admin` from ZHIBU_ADMIN_PASSWORD, the others from the demo seed. */
export const ACCOUNTS = {
  admin: { username: 'admin', password: 'Admin#2026zb' },
  township: { username: 'xiangzhen', password: 'Zhibu#2026' },
  branch: { username: 'zhibu', password: 'Zhibu#2026' },
} as const;

/** Logs in through the API (the browser context keeps the cookie); for tests that are not about login. */
export async function loginByApi(page: Page, who: keyof typeof ACCOUNTS): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: ACCOUNTS[who] });
  expect(res.status()).toBe(200);
}
