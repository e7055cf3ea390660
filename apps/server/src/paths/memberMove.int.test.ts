import type {
  DevelopmentPerson,
  GetFlowingRecordResponse,
  ImportReport,
  Member,
  Transfer,
} from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeId } from '../lib/publicId.ts';
import { rowsOf } from '../lib/serviceContext.ts';
import { importThroughApi, workbookBuffer } from '../modules/imports/testWorkbook.ts';
import { buildCountyFixture, type CountyFixture } from '../testing/countyFixture.ts';
import { createTestApp, type TestApp, USER_PASSWORD, unique } from '../testing/testApp.ts';
import { selectStrayMemberRows } from './movePaths.ts';
import { PATH_CARRIERS } from './pathCarriers.ts';

// Each case builds a county and walks a member through several modules over HTTP: on a loaded
// 2-core machine PGlite needs more than the default 30 s for some of them.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => {
  try {
    // Whatever each case did, every member-owned row sits with its member.
    expect(await selectStrayMemberRows(t.database.db)).toEqual([]);
  } finally {
    await t.close();
  }
});

const wangFang = () => f.membersA1[1] as Member; // probationary, branch A1
const liSi = () => f.membersA1[0] as Member; // full, branch A1

function internalId(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new Error(`bad id ${publicId}`);
  return id;
}

async function orgPathOf(publicId: string): Promise<string> {
  const res = await t.database.db.execute(sql`select path from orgs where id = ${internalId(publicId)}`);
  return rowsOf<{ path: string }>(res)[0]?.path ?? '';
}

/** Where each of the member's rows sits now, read from the database itself. */
async function pathsOfMember(memberId: string) {
  const id = internalId(memberId);
  const res = await t.database.db.execute(sql`
    select 'development' as kind, org_path as path, status from development_people where member_id = ${id}
    union all
    select 'flowing', org_path, status from flowing_records where member_id = ${id}
    union all
    select 'transfer', from_org_path, status from transfers where member_id = ${id}
    order by 1, 3`);
  return rowsOf<{ kind: string; path: string; status: string }>(res);
}

async function resumeDevelopment(member: Member): Promise<DevelopmentPerson> {
  const res = await t.call<DevelopmentPerson>('POST', '/api/v1/development/resume', {
    cookie: f.cookies.officerA1,
    body: { memberId: member.id, resumeAfterStep: 20 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function outflow(member: Member): Promise<GetFlowingRecordResponse> {
  const res = await t.call<GetFlowingRecordResponse>('POST', '/api/v1/flowing/out', {
    cookie: f.cookies.officerA1,
    body: { memberId: member.id, place: '广东省深圳市', since: '2026-06-01' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function sendTransfer(member: Member, to = f.branchB1): Promise<Transfer> {
  const res = await t.call<Transfer>('POST', '/api/v1/transfers', {
    cookie: f.cookies.officerA1,
    body: { memberId: member.id, toOrgId: to.id, reason: 'work_change', issuedOn: '2026-11-01' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function officerOf(org: { id: string }) {
  const username = unique('officer');
  const res = await t.call('POST', '/api/v1/users', {
    cookie: f.cookies.admin,
    body: { username, displayName: username, password: USER_PASSWORD, role: 'officer', orgId: org.id },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return t.login(username);
}

describe('a member moved by an edit takes their own rows along', () => {
  it('development file and open out-flow follow to the new branch; the closed out-flow stays', async () => {
    const member = wangFang();
    const person = await resumeDevelopment(member);
    const earlier = await outflow(member);
    const back = await t.call('POST', `/api/v1/flowing/${earlier.id}/return`, {
      cookie: f.cookies.officerA1,
      body: { returnedOn: '2026-09-01', version: earlier.version },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const away = await outflow(member);

    const moved = await t.call<Member>('PATCH', `/api/v1/members/${member.id}`, {
      cookie: f.cookies.orgAdminA,
      body: { orgId: f.branchA2.id, version: member.version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    // The old branch no longer reads or writes them; the new branch does.
    const officerA2 = await officerOf(f.branchA2);
    expect(
      (await t.call('GET', `/api/v1/development/people/${person.id}`, { cookie: f.cookies.officerA1 }))
        .status,
    ).toBe(404);
    expect((await t.call('GET', `/api/v1/flowing/${away.id}`, { cookie: f.cookies.officerA1 })).status).toBe(
      404,
    );
    const seen = await t.call<DevelopmentPerson>('GET', `/api/v1/development/people/${person.id}`, {
      cookie: officerA2,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.orgId).toBe(f.branchA2.id);
    const flow = await t.call<GetFlowingRecordResponse>('GET', `/api/v1/flowing/${away.id}`, {
      cookie: officerA2,
    });
    expect(flow.status).toBe(200);
    expect(flow.body.orgId).toBe(f.branchA2.id);
    // The returned out-flow is the old branch's contact history.
    expect(
      (await t.call('GET', `/api/v1/flowing/${earlier.id}`, { cookie: f.cookies.officerA1 })).status,
    ).toBe(200);
    expect((await t.call('GET', `/api/v1/flowing/${earlier.id}`, { cookie: officerA2 })).status).toBe(404);

    const a1 = await orgPathOf(f.branchA1.id);
    const a2 = await orgPathOf(f.branchA2.id);
    expect(await pathsOfMember(member.id)).toEqual([
      { kind: 'development', path: a2, status: 'active' },
      { kind: 'flowing', path: a2, status: 'active' },
      { kind: 'flowing', path: a1, status: 'returned' },
    ]);
  });

  it('refuses to move a member with an open transfer, naming the transfer, and changes nothing', async () => {
    const member = liSi();
    await sendTransfer(member);
    const moved = await t.call<{ code: string; detail: string }>('PATCH', `/api/v1/members/${member.id}`, {
      cookie: f.cookies.orgAdminA,
      body: { orgId: f.branchA2.id, remark: '调整', version: member.version },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('TRANSFER_PENDING');
    expect(moved.body.detail).toContain(`转往“${f.branchB1.name}”的组织关系转接（2026-11-01 发起）`);
    const after = await t.call<Member>('GET', `/api/v1/members/${member.id}`, { cookie: f.cookies.admin });
    expect(after.body).toMatchObject({ orgId: f.branchA1.id, remark: null, version: member.version });
    // Other edits of the same member still work.
    const edited = await t.call<Member>('PATCH', `/api/v1/members/${member.id}`, {
      cookie: f.cookies.orgAdminA,
      body: { remark: '调整', version: member.version },
    });
    expect(edited.status).toBe(200);
  });
});

describe('a member moved by an import', () => {
  async function importRoster(rows: unknown[][]) {
    const data = await workbookBuffer([
      { rows: [['姓名', '所在党组织', '公民身份号码', '党员类型', '入党日期'], ...rows] },
    ]);
    const job = await importThroughApi(t, 'members', data, f.cookies.orgAdminA);
    expect(job.status, job.error ?? '').toBe('done');
    return job.report as ImportReport;
  }

  it('moves the development file with the member, and refuses the row of a member with an open transfer', async () => {
    const transferring = liSi();
    const moving = wangFang();
    await sendTransfer(transferring);
    const person = await resumeDevelopment(moving);
    const idOf = async (m: Member) =>
      (
        await t.call<{ value: string }>('POST', `/api/v1/members/${m.id}/reveal`, {
          cookie: f.cookies.admin,
          body: { field: 'idNumber' },
        })
      ).body.value;
    const report = await importRoster([
      [transferring.name, f.branchA2.name, await idOf(transferring), '正式党员', transferring.joinedOn],
      [moving.name, f.branchA2.name, await idOf(moving), '预备党员', moving.joinedOn],
    ]);
    expect(report).toMatchObject({ total: 2, updated: 1 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '所在党组织', 'TRANSFER_PENDING'],
    ]);
    expect(report.errors[0]?.message).toContain(`转往“${f.branchB1.name}”的组织关系转接`);

    const member = async (m: Member) =>
      (await t.call<Member>('GET', `/api/v1/members/${m.id}`, { cookie: f.cookies.admin })).body;
    expect((await member(transferring)).orgId).toBe(f.branchA1.id);
    expect((await member(moving)).orgId).toBe(f.branchA2.id);
    const dev = await t.call<DevelopmentPerson>('GET', `/api/v1/development/people/${person.id}`, {
      cookie: f.cookies.admin,
    });
    expect(dev.body.orgId).toBe(f.branchA2.id);
  });
});

describe('a member moved by an accepted transfer', () => {
  it('takes the development file; the accepted transfer and the closed out-flow keep the sender', async () => {
    const member = wangFang();
    const person = await resumeDevelopment(member);
    await outflow(member);
    const sent = await sendTransfer(member);
    const officerB1 = await officerOf(f.branchB1);
    const accepted = await t.call('POST', `/api/v1/transfers/${sent.id}/accept`, {
      cookie: officerB1,
      body: { acceptedOn: '2026-11-15', version: sent.version },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const a1 = await orgPathOf(f.branchA1.id);
    const b1 = await orgPathOf(f.branchB1.id);
    expect(await pathsOfMember(member.id)).toEqual([
      { kind: 'development', path: b1, status: 'active' },
      { kind: 'flowing', path: a1, status: 'transferred' },
      { kind: 'transfer', path: a1, status: 'accepted' },
    ]);
    const dev = await t.call<DevelopmentPerson>('GET', `/api/v1/development/people/${person.id}`, {
      cookie: officerB1,
    });
    expect(dev.body).toMatchObject({ orgId: f.branchB1.id, isTransferredIn: true });
  });
});

describe('an org move', () => {
  it('rewrites every path copy in the subtree except history', async () => {
    const member = wangFang();
    await resumeDevelopment(member);
    await outflow(member);
    await sendTransfer(liSi());
    const old = await orgPathOf(f.branchA1.id);
    const moved = await t.call('POST', `/api/v1/orgs/${f.branchA1.id}/move`, {
      cookie: f.cookies.admin,
      body: { parentId: f.townB.id, version: f.branchA1.version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const fresh = await orgPathOf(f.branchA1.id);
    for (const c of PATH_CARRIERS) {
      const count = async (prefix: string) =>
        Number(
          rowsOf<{ n: number }>(
            await t.database.db.execute(
              sql`select count(*)::int as n from ${sql.identifier(c.table)} where ${sql.identifier(c.path)} like ${`${prefix}%`}`,
            ),
          )[0]?.n,
        );
      if (c.follows === 'history') continue;
      expect(await count(old), `${c.table}.${c.path} under the old path`).toBe(0);
    }
    expect(await pathsOfMember(member.id)).toEqual([
      { kind: 'development', path: fresh, status: 'active' },
      { kind: 'flowing', path: fresh, status: 'active' },
    ]);
  });
});
