import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, SAME_ORIGIN, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: SAME_ORIGIN },
    payload: { username, password },
    remoteAddress,
  });

const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
  `zhibu_session=${res.cookies.find((c) => c.name === 'zhibu_session')?.value}`;

async function auditActions(): Promise<string[]> {
  const rows = await t.database.db.execute(sql`select action from audit_log order by id`);
  return (rows as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
}

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

  it('makes one address wait after five wrong passwords for an account, not the owner elsewhere', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin', 'wrong', '10.0.0.1')).statusCode).toBe(401);
    const waiting = await login('admin', ADMIN_PASSWORD, '10.0.0.1');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(waiting.json().detail).toMatch(/请 \d+ 秒后再试/);
    // The owner at their own address is not locked out by a stranger's guesses.
    expect((await login('admin', ADMIN_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.locked', 'auth.login_throttled']));
  });

  it('counts parallel wrong passwords atomically: nine at once leave five counted and four refused', async () => {
    const results = await Promise.all(Array.from({ length: 9 }, () => login('admin', 'wrong', '10.0.0.3')));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
    const rows = await t.database.db.execute(
      sql`select failures from login_throttles where key like 'account:%@10.0.0.3'`,
    );
    expect((rows as unknown as { rows: { failures: number }[] }).rows).toEqual([{ failures: 5 }]);
  });

  it('slows spraying: thirty usernames tried once each from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await login(`spray${i}`, 'Guess#2026', '10.0.0.4')).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    // Another address is unaffected.
    expect((await login('spray0', 'Guess#2026', '10.0.0.5')).statusCode).toBe(401);
    expect(await auditActions()).toContain('auth.locked');
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

  it('limits sign-ins per address across usernames', async () => {
    const strict = await createTestApp({ loginPerAddressPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (const name of ['a1', 'b2', 'c3', 'd4']) {
        const res = await strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { origin: SAME_ORIGIN },
          payload: { username: name, password: 'Guess#2026' },
          remoteAddress: '10.0.0.9',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await strict.close();
    }
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

  it('refuses a write that names no origin at all, JSON or multipart, and accepts a same-origin Referer', async () => {
    const cookie = await t.adminCookie();
    const org = { parentId: null, name: '无来源组织', type: 'branch', category: 'other' };
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie },
      payload: org,
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.headers['content-type']).toContain('problem+json');
    expect(bare.json().code).toBe('CSRF_REJECTED');
    const boundary = 'zhibu-test-boundary';
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/members?mode=default',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nx\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(403);
    expect(upload.json().code).toBe('CSRF_REJECTED');
    const nullOrigin = await t.call('POST', '/api/v1/orgs', {
      cookie,
      headers: { origin: 'null' },
      body: org,
    });
    expect(nullOrigin.status).toBe(403);
    const referred = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie, referer: 'http://localhost/orgs' },
      payload: org,
    });
    expect(referred.statusCode).toBe(201);
    const anonymousLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(anonymousLogin.statusCode).toBe(403);
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
    const same = await t.call('POST', '/api/v1/auth/password', {
      cookie,
      body: { oldPassword: 'Better#Pass2026', newPassword: 'Better#Pass2026' },
    });
    expect(same.body.code).toBe('PASSWORD_UNCHANGED');
  });

  it('ends the other sessions on a password change and keeps the one that changed it', async () => {
    const here = cookieOf(await login('admin', ADMIN_PASSWORD));
    const elsewhere = cookieOf(await login('admin', ADMIN_PASSWORD));
    const changed = await t.call('POST', '/api/v1/auth/password', {
      cookie: here,
      body: { oldPassword: ADMIN_PASSWORD, newPassword: 'Other#Pass2026' },
    });
    expect(changed.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: here })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: elsewhere })).status).toBe(401);
  });

  it('makes a created account change its initial password before anything else', async () => {
    const admin = await t.adminCookie();
    const created = await t.call('POST', '/api/v1/users', {
      cookie: admin,
      body: {
        username: 'second',
        displayName: '第二管理员',
        password: 'Initial#2026',
        role: 'admin',
        orgId: null,
      },
    });
    expect(created.status).toBe(201);
    const first = await login('second', 'Initial#2026');
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);
    const cookie = cookieOf(first);
    const refused = await t.call('GET', '/api/v1/orgs', { cookie });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('MUST_CHANGE_PASSWORD');
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).body.mustChangePassword).toBe(true);
    const changed = await t.call('POST', '/api/v1/auth/password', {
      cookie,
      body: { oldPassword: 'Initial#2026', newPassword: 'MyOwn#2026pw' },
    });
    expect(changed.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).body.mustChangePassword).toBe(false);
    expect((await t.call('GET', '/api/v1/orgs', { cookie })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie })).status).toBe(200);
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
  it('serves the OpenAPI document publicly (documented in README) without any data in it', async () => {
    const cookie = await t.adminCookie();
    const secretName = `文档不可见组织${Date.now()}`;
    const org = await t.call('POST', '/api/v1/orgs', {
      cookie,
      body: { parentId: null, name: secretName, type: 'branch', category: 'other' },
    });
    expect(org.status).toBe(201);
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).not.toContain(secretName);
    expect(doc.body).not.toContain('admin_password');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBeLessThan(400);
    // The data itself stays behind a session.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(401);
  });

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
