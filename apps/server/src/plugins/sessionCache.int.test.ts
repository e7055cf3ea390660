import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

interface UserItem {
  id: string;
  username: string;
  roles: { id: string; role: string }[];
}

// The session plugin keeps resolved sessions for a moment (SessionCache); these are the changes a
// signed-in reader must see on the very next request, however many reads warmed the cache.
describe('sessions answered from memory', () => {
  it('a revoked role stops the next read', async () => {
    const list = `/api/v1/members?orgId=${f.branchA1.id}`;
    for (let i = 0; i < 3; i++)
      expect((await t.call('GET', list, { cookie: f.cookies.officerA1 })).status).toBe(200);
    const users = await t.call<{ items: UserItem[] }>('GET', '/api/v1/users?pageSize=100', {
      cookie: f.cookies.admin,
    });
    const officer = users.body.items.find((u) => u.username === f.usernames.officerA1);
    const role = officer?.roles[0];
    if (!officer || !role) throw new Error('officer not listed');
    const revoked = await t.call('DELETE', `/api/v1/users/${officer.id}/roles/${role.id}`, {
      cookie: f.cookies.admin,
    });
    expect(revoked.status).toBe(200);
    expect((await t.call('GET', list, { cookie: f.cookies.officerA1 })).status).toBe(403);
  });

  it('a scope moved with its org applies to the next read', async () => {
    // The org admin of township A reads branch A2; A2 then moves to township B.
    const list = `/api/v1/members?orgId=${f.branchA2.id}`;
    expect((await t.call('GET', list, { cookie: f.cookies.orgAdminA })).status).toBe(200);
    const moved = await t.call('POST', `/api/v1/orgs/${f.branchA2.id}/move`, {
      cookie: f.cookies.admin,
      body: { parentId: f.townB.id, version: f.branchA2.version },
    });
    expect(moved.status).toBe(200);
    expect((await t.call('GET', list, { cookie: f.cookies.orgAdminA })).status).toBe(404);
  });

  it('logout ends a session that was just used', async () => {
    const cookie = f.cookies.officerA1;
    for (let i = 0; i < 3; i++) expect((await t.call('GET', '/api/v1/auth/me', { cookie })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await t.call('GET', `/api/v1/members?orgId=${f.branchA1.id}`, { cookie })).status).toBe(401);
  });
});
