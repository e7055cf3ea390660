import type { ListMembersResponse, ListOrgsResponse, Member, Org } from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp } from '../testing/testApp.ts';

// One fixture for the whole matrix: these cases only read, or write and expect refusal.
let t: TestApp;
let f: CountyFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterAll(async () => t.close());

type Who = keyof CountyFixture['cookies'];
const cookie = (who: Who) => f.cookies[who];
const member = (list: Member[]) => list[0] as Member;

describe('data scope: who can see what', () => {
  it.each<[Who, string[]]>([
    ['admin', ['李四', '王芳', '赵六', '孙七']],
    ['orgAdminA', ['李四', '王芳', '赵六']],
    ['officerA1', ['李四', '王芳']],
  ])('%s lists only members of their subtree', async (who, names) => {
    const res = await t.call<ListMembersResponse>('GET', '/api/v1/members?pageSize=100', {
      cookie: cookie(who),
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((m) => m.name).sort()).toEqual([...names].sort());
    expect(res.body.total).toBe(names.length);
  });

  it('a member-role account cannot list the register', async () => {
    const res = await t.call('GET', '/api/v1/members', { cookie: cookie('memberA1') });
    expect(res.status).toBe(403);
  });

  it.each<[Who, string]>([
    ['officerA1', 'branchB1'],
    ['officerA1', 'branchA2'],
    ['orgAdminA', 'branchB1'],
    ['orgAdminA', 'townB'],
  ])('%s filtering by an org outside scope (%s) gets 404, same as a missing org', async (who, orgKey) => {
    const org = f[orgKey as 'branchB1'] as Org;
    const outside = await t.call('GET', `/api/v1/members?orgId=${org.id}`, { cookie: cookie(who) });
    const missing = await t.call('GET', '/api/v1/members?orgId=zzzzzzzz', { cookie: cookie(who) });
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it.each<[Who, 'membersB1' | 'membersA2']>([
    ['officerA1', 'membersB1'],
    ['officerA1', 'membersA2'],
    ['orgAdminA', 'membersB1'],
  ])('%s cannot read, edit, reveal, see events of or remove a member in %s', async (who, key) => {
    const m = member(f[key]);
    const c = cookie(who);
    const answers = [
      await t.call('GET', `/api/v1/members/${m.id}`, { cookie: c }),
      await t.call('PATCH', `/api/v1/members/${m.id}`, {
        cookie: c,
        body: { remark: '越权', version: m.version },
      }),
      await t.call('POST', `/api/v1/members/${m.id}/reveal`, { cookie: c, body: { field: 'idNumber' } }),
      await t.call('GET', `/api/v1/members/${m.id}/events`, { cookie: c }),
      await t.call('POST', `/api/v1/members/${m.id}/leave`, {
        cookie: c,
        body: { leftOn: '2026-01-01', reason: 'death', version: m.version },
      }),
    ];
    for (const a of answers) expect(a.status).toBe(404);
    const after = await t.call<Member>('GET', `/api/v1/members/${m.id}`, { cookie: cookie('admin') });
    expect(after.body.remark).toBeNull();
    expect(after.body.leftOn).toBeNull();
  });

  it('an officer cannot add a member to another branch, nor move one there', async () => {
    const c = cookie('officerA1');
    const created = await t.call('POST', '/api/v1/members', {
      cookie: c,
      body: {
        orgId: f.branchB1.id,
        name: '越权',
        idNumber: citizenId('1985-01-01', 15),
        status: 'full',
        joinedOn: '2010-01-01',
      },
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toContainEqual(
      expect.objectContaining({ field: 'orgId', code: 'ORG_NOT_FOUND' }),
    );
    const m = member(f.membersA1);
    const moved = await t.call('PATCH', `/api/v1/members/${m.id}`, {
      cookie: c,
      body: { orgId: f.branchB1.id, version: m.version },
    });
    expect(moved.status).toBe(400);
  });

  it('orgs: each role sees its scope roots, and nothing above or beside', async () => {
    const roots = async (who: Who) =>
      (await t.call<ListOrgsResponse>('GET', '/api/v1/orgs', { cookie: cookie(who) })).body.items.map(
        (o) => o.id,
      );
    expect(await roots('admin')).toEqual([f.county.id]);
    expect(await roots('orgAdminA')).toEqual([f.townA.id]);
    expect(await roots('officerA1')).toEqual([f.branchA1.id]);
    expect(await roots('memberA1')).toEqual([f.branchA1.id]);
    for (const who of ['officerA1', 'orgAdminA'] as const) {
      expect((await t.call('GET', `/api/v1/orgs/${f.county.id}`, { cookie: cookie(who) })).status).toBe(404);
      expect((await t.call('GET', `/api/v1/orgs/${f.branchB1.id}`, { cookie: cookie(who) })).status).toBe(
        404,
      );
      expect(
        (await t.call('GET', `/api/v1/orgs?parentId=${f.townB.id}`, { cookie: cookie(who) })).body,
      ).toEqual({ items: [], total: 0 });
      const search = await t.call<ListOrgsResponse>('GET', `/api/v1/orgs?q=${encodeURIComponent('乙')}`, {
        cookie: cookie(who),
      });
      expect(search.body.items).toEqual([]);
    }
  });

  it('orgs: only org_admin and admin write, and only inside their subtree', async () => {
    const body = { parentId: f.branchA1.id, name: '第一党小组', type: 'group', category: 'rural' };
    expect((await t.call('POST', '/api/v1/orgs', { cookie: cookie('officerA1'), body })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/orgs', { cookie: cookie('memberA1'), body })).status).toBe(403);
    const outside = { ...body, parentId: f.branchB1.id };
    expect(
      (await t.call('POST', '/api/v1/orgs', { cookie: cookie('orgAdminA'), body: outside })).status,
    ).toBe(404);
    const top = { ...body, parentId: null, type: 'party_committee' };
    expect((await t.call('POST', '/api/v1/orgs', { cookie: cookie('orgAdminA'), body: top })).status).toBe(
      403,
    );
    const edit = await t.call('PATCH', `/api/v1/orgs/${f.townB.id}`, {
      cookie: cookie('orgAdminA'),
      body: { address: 'x', version: f.townB.version },
    });
    expect(edit.status).toBe(404);
    // The root of one's own scope cannot be moved out of it, nor dissolved.
    const moveRoot = await t.call('POST', `/api/v1/orgs/${f.townA.id}/move`, {
      cookie: cookie('orgAdminA'),
      body: { parentId: f.townA.id, version: f.townA.version },
    });
    expect(moveRoot.status).toBe(403);
    const moveOut = await t.call('POST', `/api/v1/orgs/${f.branchA2.id}/move`, {
      cookie: cookie('orgAdminA'),
      body: { parentId: f.townB.id, version: f.branchA2.version },
    });
    expect(moveOut.status).toBe(404);
  });

  it('users and audit: officers and members are refused; an org_admin sees only its subtree', async () => {
    for (const who of ['officerA1', 'memberA1'] as const) {
      expect((await t.call('GET', '/api/v1/users', { cookie: cookie(who) })).status).toBe(403);
      expect((await t.call('GET', '/api/v1/audit', { cookie: cookie(who) })).status).toBe(403);
    }
    const users = await t.call<{ items: { username: string }[] }>('GET', '/api/v1/users?pageSize=100', {
      cookie: cookie('orgAdminA'),
    });
    expect(users.status, JSON.stringify(users.body)).toBe(200);
    expect(users.body.items.map((u) => u.username).sort()).toEqual(
      [f.usernames.orgAdminA, f.usernames.officerA1, f.usernames.memberA1].sort(),
    );
    const grantAdmin = await t.call('POST', '/api/v1/users', {
      cookie: cookie('orgAdminA'),
      body: { username: 'sneaky', displayName: 'x', password: 'Sneaky#2026x', role: 'admin', orgId: null },
    });
    expect(grantAdmin.status).toBe(403);
    const grantOutside = await t.call('POST', '/api/v1/users', {
      cookie: cookie('orgAdminA'),
      body: {
        username: 'sneaky2',
        displayName: 'x',
        password: 'Sneaky#2026x',
        role: 'officer',
        orgId: f.branchB1.id,
      },
    });
    expect(grantOutside.status).toBe(404);
    const audit = await t.call<{ items: { action: string; summary: string | null }[] }>(
      'GET',
      '/api/v1/audit?pageSize=200',
      { cookie: cookie('orgAdminA') },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.some((e) => e.action === 'auth.login')).toBe(false);
    const summaries = audit.body.items.map((e) => e.summary ?? '');
    // Township A's own entries are there …
    for (const name of [f.townA.name, f.branchA1.name, f.branchA2.name, '李四', '赵六']) {
      expect(summaries.some((s) => s.includes(name))).toBe(true);
    }
    // … and township B's, and the county's own, are not.
    for (const name of [f.townB.name, f.branchB1.name, f.county.name, '孙七']) {
      expect(
        summaries.filter((s) => s.includes(name)),
        name,
      ).toEqual([]);
    }
  });

  it('every authenticated route answers 401 without a session', async () => {
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/v1/members');
    for (const [method, url] of [
      ['GET', '/api/v1/orgs'],
      ['GET', '/api/v1/members'],
      ['GET', `/api/v1/members/${member(f.membersA1).id}`],
      ['POST', '/api/v1/members'],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/auth/me'],
    ] as const) {
      const res = await t.call(method, url, method === 'POST' ? { body: {} } : {});
      expect(res.status, `${method} ${url}`).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('route table', () => {
  it('refuses to register an /api route that declares no access', async () => {
    const t2 = await createTestApp();
    try {
      expect(() => t2.app.get('/api/v1/undeclared', async () => ({}))).toThrow(/declares no access/);
    } finally {
      await t2.close();
    }
  });
});
