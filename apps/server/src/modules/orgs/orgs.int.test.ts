import type { GetOrgResponse, ListOrgsResponse, Org } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

const children = async (parent: Org) =>
  (await t.call<ListOrgsResponse>('GET', `/api/v1/orgs?parentId=${parent.id}`, { cookie: f.cookies.admin }))
    .body;

async function pathsConsistent() {
  const res = await t.database.db.execute(sql`
    select count(*)::int as bad from orgs o left join orgs p on p.id = o.parent_id
    where (o.parent_id is null and o.path <> '/' || to_hex(0) || '/' and o.depth <> 0 and false)
       or (p.id is not null and (o.path <> p.path || substr(o.path, length(p.path) + 1) or o.path not like p.path || '%' or o.depth <> p.depth + 1))`);
  const members = await t.database.db.execute(sql`
    select count(*)::int as bad from members m join orgs o on o.id = m.org_id where m.org_path <> o.path`);
  return [
    (res as unknown as { rows: { bad: number }[] }).rows[0]?.bad,
    (members as unknown as { rows: { bad: number }[] }).rows[0]?.bad,
  ];
}

describe('organization tree', () => {
  it('browses lazily: children with counts and whether they have children', async () => {
    const towns = await children(f.county);
    expect(towns.items.map((o) => o.id).sort()).toEqual([f.townA.id, f.townB.id].sort());
    const a = towns.items.find((o) => o.id === f.townA.id);
    expect(a).toMatchObject({ hasChildren: true, memberCount: 3, depth: 1 });
    const branches = await children(f.townA);
    expect(branches.items.every((o) => o.hasChildren === false)).toBe(true);
  });

  it('searches by full name, short name and pinyin initials', async () => {
    const byName = await t.call<ListOrgsResponse>('GET', `/api/v1/orgs?q=${encodeURIComponent('甲二村')}`, {
      cookie: f.cookies.admin,
    });
    expect(byName.body.items.map((o) => o.id)).toEqual([f.branchA2.id]);
    const byShort = await t.call<ListOrgsResponse>(
      'GET',
      `/api/v1/orgs?q=${encodeURIComponent(f.townB.shortName ?? '')}`,
      { cookie: f.cookies.admin },
    );
    expect(byShort.body.items.map((o) => o.id)).toEqual([f.townB.id]);
    const byInitials = await t.call<ListOrgsResponse>('GET', '/api/v1/orgs?q=jecdzb', {
      cookie: f.cookies.admin,
    });
    expect(byInitials.body.items.map((o) => o.id)).toEqual([f.branchA2.id]);
  });

  it('shows ancestors on the detail', async () => {
    const res = await t.call<GetOrgResponse>('GET', `/api/v1/orgs/${f.branchA1.id}`, {
      cookie: f.cookies.admin,
    });
    expect(res.body.ancestors.map((a) => a.id)).toEqual([f.county.id, f.townA.id]);
    const scoped = await t.call<GetOrgResponse>('GET', `/api/v1/orgs/${f.branchA1.id}`, {
      cookie: f.cookies.orgAdminA,
    });
    expect(scoped.body.ancestors.map((a) => a.id)).toEqual([f.townA.id]);
  });

  it('moves a subtree, rewriting every path and its members, in one step', async () => {
    const moved = await t.call<Org>('POST', `/api/v1/orgs/${f.branchA1.id}/move`, {
      cookie: f.cookies.admin,
      body: { parentId: f.townB.id, version: f.branchA1.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(f.townB.id);
    expect(await pathsConsistent()).toEqual([0, 0]);
    expect((await children(f.townB)).items.map((o) => o.id)).toContain(f.branchA1.id);
    const inB = await t.call<{ total: number }>('GET', `/api/v1/members?orgId=${f.townB.id}`, {
      cookie: f.cookies.admin,
    });
    expect(inB.body.total).toBe(3);
    // The officer bound to the moved branch still sees its members (its role moved with it).
    const officer = await t.call<{ total: number }>('GET', '/api/v1/members', {
      cookie: f.cookies.officerA1,
    });
    expect(officer.body.total).toBe(2);
    // The township A admin no longer reaches it.
    expect(
      (await t.call('GET', `/api/v1/orgs/${f.branchA1.id}`, { cookie: f.cookies.orgAdminA })).status,
    ).toBe(404);
  });

  it('refuses to move an org under itself or its descendants', async () => {
    const res = await t.call('POST', `/api/v1/orgs/${f.townA.id}/move`, {
      cookie: f.cookies.admin,
      body: { parentId: f.branchA1.id, version: f.townA.version },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ORG_MOVE_INVALID');
    expect(await pathsConsistent()).toEqual([0, 0]);
  });

  it('refuses children under a 党小组', async () => {
    const group = await t.call<Org>('POST', '/api/v1/orgs', {
      cookie: f.cookies.admin,
      body: { parentId: f.branchA1.id, name: '第一党小组', type: 'group', category: 'rural' },
    });
    expect(group.status).toBe(201);
    const child = await t.call('POST', '/api/v1/orgs', {
      cookie: f.cookies.admin,
      body: { parentId: group.body.id, name: '不该存在', type: 'group', category: 'rural' },
    });
    expect(child.status).toBe(400);
    expect(child.body.code).toBe('ORG_TYPE_NO_CHILDREN');
  });

  it('files a 街道党工委 under 街道 and builds 临时党委 → 临时党总支 → 临时党支部', async () => {
    const create = (parentId: string, name: string, type: string, category: string) =>
      t.call<Org>('POST', '/api/v1/orgs', {
        cookie: f.cookies.admin,
        body: { parentId, name, type, category },
      });
    const street = await create(f.county.id, '中共城关街道工作委员会', 'working_committee', 'street');
    expect(street.status).toBe(201);
    expect(street.body).toMatchObject({ type: 'working_committee', category: 'street' });
    const project = await create(f.county.id, '重点项目临时党委', 'temporary_committee', 'other');
    expect(project.status).toBe(201);
    const general = await create(project.body.id, '一标段临时党总支', 'temporary_general_branch', 'other');
    expect(general.status).toBe(201);
    expect((await create(general.body.id, '一工区临时党支部', 'temporary_branch', 'other')).status).toBe(201);
    const wrong = await create(general.body.id, '不该存在的党委', 'temporary_committee', 'other');
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('ORG_TYPE_NO_CHILDREN');
  });

  it('changes an org type only where its parent and its children allow the new type', async () => {
    const create = async (parentId: string, name: string, type: string) => {
      const res = await t.call<Org>('POST', '/api/v1/orgs', {
        cookie: f.cookies.admin,
        body: { parentId, name, type, category: 'rural' },
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const general = await create(f.townA.id, '甲三村党总支', 'general_branch');
    const branch = await create(general.id, '甲三村第一党支部', 'branch');
    await create(branch.id, '甲三村第一党小组', 'group');
    const patch = (org: Org, type: string) =>
      t.call<Org & { detail: string }>('PATCH', `/api/v1/orgs/${org.id}`, {
        cookie: f.cookies.orgAdminA,
        body: { type, version: org.version },
      });

    // A 支部 under a 总支 cannot become a 党委 (a 总支 holds only branches).
    const up = await patch(branch, 'party_committee');
    expect(up.status).toBe(409);
    expect(up.body.code).toBe('ORG_TYPE_CHANGE_INVALID');
    expect(up.body.detail).toContain('上级组织是党总支');
    // A 总支 with a 支部 below cannot become a 支部 (only 党小组 sit below a branch).
    const down = await patch(general, 'branch');
    expect(down.status).toBe(409);
    expect(down.body.code).toBe('ORG_TYPE_CHANGE_INVALID');
    expect(down.body.detail).toContain('下设有党支部');
    // A 党委 holding a 总支 cannot become a 总支 either.
    const town = await patch(f.townA, 'general_branch');
    expect(town.status).toBe(409);
    expect(town.body.detail).toContain('党总支');
    // Nothing was written by the refused changes.
    const audit = await t.call<{ items: { entityId: string }[] }>('GET', '/api/v1/audit?action=org.update', {
      cookie: f.cookies.admin,
    });
    expect(audit.body.items).toEqual([]);

    // Changes that fit both sides go through.
    const temporary = await patch(branch, 'temporary_branch');
    expect(temporary.status).toBe(200);
    expect(temporary.body.type).toBe('temporary_branch');
    expect((await patch(general, 'temporary_general_branch')).status).toBe(200);
  });

  it('dissolves only an empty org, keeping it in history', async () => {
    const busy = await t.call('POST', `/api/v1/orgs/${f.branchA2.id}/dissolve`, {
      cookie: f.cookies.admin,
      body: { dissolvedOn: '2026-10-01', reason: '村庄合并', version: f.branchA2.version },
    });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('ORG_NOT_EMPTY');
    const empty = await t.call<Org>('POST', '/api/v1/orgs', {
      cookie: f.cookies.admin,
      body: { parentId: f.townA.id, name: '临时党支部', type: 'temporary_branch', category: 'other' },
    });
    const done = await t.call<Org>('POST', `/api/v1/orgs/${empty.body.id}/dissolve`, {
      cookie: f.cookies.admin,
      body: { dissolvedOn: '2026-10-01', reason: '任务完成', version: empty.body.version },
    });
    expect(done.status).toBe(200);
    expect(done.body.dissolvedOn).toBe('2026-10-01');
    expect((await children(f.townA)).items.map((o) => o.id)).not.toContain(empty.body.id);
    const withHistory = await t.call<ListOrgsResponse>(
      'GET',
      `/api/v1/orgs?parentId=${f.townA.id}&includeDissolved=true`,
      { cookie: f.cookies.admin },
    );
    expect(withHistory.body.items.map((o) => o.id)).toContain(empty.body.id);
  });

  it('edits with a version; a stale version gets 409', async () => {
    const ok = await t.call<Org>('PATCH', `/api/v1/orgs/${f.townA.id}`, {
      cookie: f.cookies.orgAdminA,
      body: { secretaryName: '周书记', termStartedOn: '2024-01-10', termYears: 5, version: f.townA.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.secretaryName).toBe('周书记');
    const stale = await t.call('PATCH', `/api/v1/orgs/${f.townA.id}`, {
      cookie: f.cookies.orgAdminA,
      body: { address: 'x', version: f.townA.version },
    });
    expect(stale.status).toBe(409);
  });

  it('audits every org write with before and after', async () => {
    await t.call('PATCH', `/api/v1/orgs/${f.townA.id}`, {
      cookie: f.cookies.admin,
      body: { address: '镇政府大院', version: f.townA.version },
    });
    const audit = await t.call<{
      items: { action: string; before: { address: string | null }; after: { address: string } }[];
    }>('GET', '/api/v1/audit?action=org.update', { cookie: f.cookies.admin });
    expect(audit.body.items[0]).toMatchObject({
      action: 'org.update',
      before: { address: null },
      after: { address: '镇政府大院' },
    });
  });

  it('rejects invalid input with field errors, never a 500', async () => {
    for (const body of [
      {},
      { parentId: f.county.id, name: 'x', type: 'branch', category: 'rural' },
      { parentId: f.county.id, name: '正常名称', type: 'nonsense', category: 'rural' },
      {
        parentId: f.county.id,
        name: '正常名称',
        type: 'branch',
        category: 'rural',
        establishedOn: '2020-02-30',
      },
      { parentId: 'not-an-id', name: '正常名称', type: 'branch', category: 'rural' },
    ]) {
      const res = await t.call('POST', '/api/v1/orgs', { cookie: f.cookies.admin, body });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
