import { type APIRequestContext, expect, type Page } from '@playwright/test';

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

/**
 * Signs in an account created with an initial password, which must be changed before anything
 * else (mustChangePassword): changes it to `<initial>-own` and keeps the session. Returns the new one.
 */
export async function signInWithInitialPassword(
  request: APIRequestContext,
  username: string,
  initialPassword: string,
): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: initialPassword } });
  expect(login.status()).toBe(200);
  expect((await login.json()).mustChangePassword).toBe(true);
  const ownPassword = `${initialPassword}-own`;
  const changed = await request.post('/api/v1/auth/password', {
    data: { oldPassword: initialPassword, newPassword: ownPassword },
  });
  expect(changed.status()).toBe(200);
  return ownPassword;
}
