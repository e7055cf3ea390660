import type { User } from '@zhibu/shared/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { createTestApp, SAME_ORIGIN, type TestApp, USER_PASSWORD, unique } from '../../testing/testApp.ts';

// The county fixture signs three new accounts in through their first password change: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

async function userNamed(username: string): Promise<User> {
  const res = await t.call<{ items: User[] }>('GET', `/api/v1/users?q=${username}`, {
    cookie: f.cookies.admin,
  });
  const user = res.body.items.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

const rawLogin = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: SAME_ORIGIN },
    payload: { username, password },
    remoteAddress,
  });

describe('an org_admin manages only accounts below it', () => {
  it('cannot take over a peer org_admin on the same org through any user route', async () => {
    const peerName = unique('peer');
    const peer = await t.call<User>('POST', '/api/v1/users', {
      cookie: f.cookies.admin,
      body: {
        username: peerName,
        displayName: '同级管理员',
        password: USER_PASSWORD,
        role: 'org_admin',
        orgId: f.townA.id,
      },
    });
    expect(peer.status).toBe(201);
    const cookie = f.cookies.orgAdminA;
    const id = peer.body.id;
    const attempts = [
      await t.call('POST', `/api/v1/users/${id}/password`, { cookie, body: { password: 'Taken#Over2026' } }),
      await t.call('PATCH', `/api/v1/users/${id}`, {
        cookie,
        body: { isDisabled: true, version: peer.body.version },
      }),
      await t.call('POST', `/api/v1/users/${id}/unlock`, { cookie }),
      await t.call('POST', `/api/v1/users/${id}/roles`, {
        cookie,
        body: { role: 'officer', orgId: f.branchA1.id },
      }),
      await t.call('DELETE', `/api/v1/users/${id}/roles/${peer.body.roles[0]?.id}`, { cookie }),
    ];
    for (const res of attempts) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    // Nor create a second org_admin beside itself, nor make an officer of its own org one.
    const create = await t.call('POST', '/api/v1/users', {
      cookie,
      body: {
        username: unique('twin'),
        displayName: 'x',
        password: 'Twin#Admin2026',
        role: 'org_admin',
        orgId: f.townA.id,
      },
    });
    expect(create.status).toBe(403);
    const officer = await userNamed(f.usernames.officerA1);
    const promote = await t.call('POST', `/api/v1/users/${officer.id}/roles`, {
      cookie,
      body: { role: 'org_admin', orgId: f.townA.id },
    });
    expect(promote.status).toBe(403);
    // The peer's password still works and the peer was never disabled.
    expect((await rawLogin(peerName, USER_PASSWORD)).statusCode).toBe(200);
    // Below its own org it may create an org_admin.
    const below = await t.call('POST', '/api/v1/users', {
      cookie,
      body: {
        username: unique('below'),
        displayName: 'x',
        password: 'Below#Admin2026',
        role: 'org_admin',
        orgId: f.branchA1.id,
      },
    });
    expect(below.status).toBe(201);
  });

  it('updates, resets, unlocks, grants and revokes for an account below it, each audited where it can see', async () => {
    const cookie = f.cookies.orgAdminA;
    const officer = await userNamed(f.usernames.officerA1);

    const renamed = await t.call<User>('PATCH', `/api/v1/users/${officer.id}`, {
      cookie,
      body: { displayName: '改名后的党务工作者', version: officer.version },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('改名后的党务工作者');

    const granted = await t.call<User>('POST', `/api/v1/users/${officer.id}/roles`, {
      cookie,
      body: { role: 'member', orgId: f.branchA1.id },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.roles.map((r) => r.role).sort()).toEqual(['member', 'officer']);
    const memberRole = granted.body.roles.find((r) => r.role === 'member');
    const revoked = await t.call<User>('DELETE', `/api/v1/users/${officer.id}/roles/${memberRole?.id}`, {
      cookie,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.roles.map((r) => r.role)).toEqual(['officer']);

    // Wrong passwords from one address make the officer wait there; an unlock clears it.
    for (let i = 0; i < 5; i++) await rawLogin(f.usernames.officerA1, 'Wrong#2026', '10.1.0.1');
    expect((await rawLogin(f.usernames.officerA1, USER_PASSWORD, '10.1.0.1')).statusCode).toBe(429);
    expect((await t.call('POST', `/api/v1/users/${officer.id}/unlock`, { cookie })).status).toBe(200);
    expect((await rawLogin(f.usernames.officerA1, USER_PASSWORD, '10.1.0.1')).statusCode).toBe(200);

    // A reset ends every session of the officer and must be changed at the next sign-in.
    const reset = await t.call('POST', `/api/v1/users/${officer.id}/password`, {
      cookie,
      body: { password: 'Reset#Pass2026' },
    });
    expect(reset.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: f.cookies.officerA1 })).status).toBe(401);
    const after = await rawLogin(f.usernames.officerA1, 'Reset#Pass2026');
    expect(after.json().mustChangePassword).toBe(true);
    expect((await userNamed(f.usernames.officerA1)).mustChangePassword).toBe(true);

    const audit = await t.call<{ items: { action: string }[] }>('GET', '/api/v1/audit?pageSize=200', {
      cookie,
    });
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'user.update',
        'user.role_add',
        'user.role_remove',
        'user.unlock',
        'user.password_reset',
      ]),
    );
  });

  it('answers 404 for an account outside its subtree', async () => {
    const outsiderName = unique('outsider');
    const outsider = await t.call<User>('POST', '/api/v1/users', {
      cookie: f.cookies.admin,
      body: {
        username: outsiderName,
        displayName: 'x',
        password: USER_PASSWORD,
        role: 'officer',
        orgId: f.branchB1.id,
      },
    });
    const res = await t.call('POST', `/api/v1/users/${outsider.body.id}/password`, {
      cookie: f.cookies.orgAdminA,
      body: { password: 'Taken#Over2026' },
    });
    expect(res.status).toBe(404);
  });
});

describe('the last administrator', () => {
  it('counts only enabled administrators when a role is removed', async () => {
    const spare = await t.call<User>('POST', '/api/v1/users', {
      cookie: f.cookies.admin,
      body: {
        username: unique('spare'),
        displayName: '备用管理员',
        password: USER_PASSWORD,
        role: 'admin',
        orgId: null,
      },
    });
    const disabled = await t.call('PATCH', `/api/v1/users/${spare.body.id}`, {
      cookie: f.cookies.admin,
      body: { isDisabled: true, version: spare.body.version },
    });
    expect(disabled.status).toBe(200);
    const admin = await userNamed('admin');
    const adminRole = admin.roles.find((r) => r.role === 'admin');
    const removed = await t.call('DELETE', `/api/v1/users/${admin.id}/roles/${adminRole?.id}`, {
      cookie: f.cookies.admin,
    });
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('LAST_ADMIN');
  });
});
