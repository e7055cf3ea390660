import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and answers /me', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zhibu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.call('GET', '/api/v1/auth/me', { cookie: `zhibu_session=${cookie?.value}` });
    expect(me.body).toMatchObject({ username: 'admin', roles: [{ role: 'admin', orgId: null }] });
  });

  it('says the same thing for a wrong password and an unknown user', async () => {
    const wrong = await login('admin', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('admin', 'wrong')).statusCode).toBe(401);
    expect((await login('admin', 'wrong')).statusCode).toBe(423);
    const locked = await login('admin', ADMIN_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('slows one account’s sign-ins from one address, not a whole office behind it', async () => {
    for (let i = 0; i < 10; i++) expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const eleventh = await login('admin', ADMIN_PASSWORD);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.headers['content-type']).toContain('json');
    // Colleagues behind the same NAT address still get their answers (here: a wrong password).
    for (const name of ['zhangsan', 'lisi', 'wangwu'])
      expect((await login(name, 'nope')).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const cookie = await t.adminCookie();
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('rejects an expired session', async () => {
    const cookie = await t.adminCookie();
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('refuses cross-site writes by Origin', async () => {
    const cookie = await t.adminCookie();
    const res = await t.call('POST', '/api/v1/orgs', {
      cookie,
      headers: { origin: 'https://evil.example' },
      body: { parentId: null, name: '恶意组织', type: 'branch', category: 'other' },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
  });

  it('enforces the password rule when changing one’s own password', async () => {
    const cookie = await t.adminCookie();
    const weak = await t.call('POST', '/api/v1/auth/password', {
      cookie,
      body: { oldPassword: ADMIN_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    const wrongOld = await t.call('POST', '/api/v1/auth/password', {
      cookie,
      body: { oldPassword: 'x', newPassword: 'Better#Pass2026' },
    });
    expect(wrongOld.body.code).toBe('WRONG_PASSWORD');
    const ok = await t.call('POST', '/api/v1/auth/password', {
      cookie,
      body: { oldPassword: ADMIN_PASSWORD, newPassword: 'Better#Pass2026' },
    });
    expect(ok.status).toBe(200);
    expect((await login('admin', 'Better#Pass2026')).statusCode).toBe(200);
  });

  it('audits logins, failures and lockouts, and the audit log cannot be edited', async () => {
    await login('admin', 'wrong');
    await t.adminCookie();
    const rows = await t.database.db.execute(sql`select action from audit_log order by id`);
    const actions = (rows as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login']));
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});

describe('health and docs', () => {
  it('reports health and serves the OpenAPI document', async () => {
    expect((await t.call('GET', '/api/health')).body).toMatchObject({
      status: 'ok',
      engine: process.env.ZHIBU_TEST_ENGINE ?? 'pglite',
    });
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/members',
        '/api/v1/members/{id}',
        '/api/v1/orgs',
        '/api/v1/auth/login',
      ]),
    );
  });

  it('answers unknown API paths and hostile ids with problem+json 404, never 500', async () => {
    const cookie = await t.adminCookie();
    for (const url of [
      '/api/v1/nope',
      "/api/v1/members/1' or '1'='1",
      `/api/v1/orgs/${'a'.repeat(31)}`,
      '/api/v1/members/%00',
    ]) {
      const res = await t.call('GET', url, { cookie });
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
    }
  });
});
