import type {
  GetFlowingRecordResponse,
  ListFlowingResponse,
  ListWarningsResponse,
  Member,
  Problem,
  Transfer,
} from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterAll(async () => t.close());

async function outflow(member: Member, body: Record<string, unknown>) {
  const res = await t.call<GetFlowingRecordResponse>('POST', '/api/v1/flowing/out', {
    cookie: f.cookies.officerA1,
    body: {
      memberId: member.id,
      place: '广东省深圳市',
      workUnit: '某电子厂',
      mobilityCardNo: 'LD2026001',
      ...body,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('flowing members', () => {
  it('a member away 6 months at a fixed place is pointed to a transfer (T1 第二十五条), until one starts', async () => {
    const member = await createMember(t, f.cookies.admin, f.branchA1, {
      name: '何外出',
      idNumber: citizenId('1988-08-18', 61),
      joinedOn: '2012-07-01',
      confirmedOn: '2013-07-01',
    });
    const record = await outflow(member, { since: '2026-03-01', phone: '13700137000' });
    expect(record.phoneMasked).toBe('137****7000');
    expect(record.alerts.map((a) => a.rule)).toContain('T1.away-six-months');
    expect(record.alerts.find((a) => a.rule === 'T1.away-six-months')).toMatchObject({
      dueOn: '2026-09-01',
      citation: '《中国共产党党员教育管理工作条例》第二十五条',
    });
    const warnings = await t.call<ListWarningsResponse>('GET', '/api/v1/warnings?rule=T1.away&pageSize=200', {
      cookie: f.cookies.officerA1,
    });
    expect(warnings.body.items.find((w) => w.memberId === member.id)?.message).toContain('应转接组织关系');

    const list = await t.call<ListFlowingResponse>('GET', '/api/v1/flowing?direction=out', {
      cookie: f.cookies.officerA1,
    });
    expect(list.body.items.map((i) => i.name)).toContain('何外出');
    const outsider = await t.call<ListFlowingResponse>('GET', '/api/v1/flowing?direction=out', {
      cookie: f.cookies.orgAdminA,
    });
    expect(outsider.body.items.map((i) => i.name)).toContain('何外出');

    // Starting the transfer answers the rule; accepting it closes the record as transferred.
    const sent = await t.call<Transfer>('POST', '/api/v1/transfers', {
      cookie: f.cookies.officerA1,
      body: {
        memberId: member.id,
        toOrgId: f.branchA2.id,
        reason: 'away_six_months',
        issuedOn: '2026-11-01',
      },
    });
    const after = await t.call<GetFlowingRecordResponse>('GET', `/api/v1/flowing/${record.id}`, {
      cookie: f.cookies.officerA1,
    });
    expect(after.body.alerts.map((a) => a.rule)).not.toContain('T1.away-six-months');
    await t.call('POST', `/api/v1/transfers/${sent.body.id}/accept`, {
      cookie: f.cookies.orgAdminA,
      body: { acceptedOn: '2026-11-02', version: sent.body.version },
    });
    const closed = await t.call<GetFlowingRecordResponse>('GET', `/api/v1/flowing/${record.id}`, {
      cookie: f.cookies.orgAdminA,
    });
    expect(closed.body.status).toBe('transferred');
  });

  it('an uncertain place gets no transfer warning; a contact log and return close it', async () => {
    const member = await createMember(t, f.cookies.admin, f.branchA1, {
      name: '吕务工',
      idNumber: citizenId('1991-01-11', 63),
      joinedOn: '2015-07-01',
      confirmedOn: '2016-07-01',
    });
    let record = await outflow(member, {
      since: '2026-01-10',
      isFixedPlace: false,
      expectedReturnOn: '2027-01-31',
    });
    expect(record.alerts.map((a) => a.rule)).not.toContain('T1.away-six-months');
    expect(record.alerts.map((a) => a.rule)).toContain('T2.regular-contact');
    const contact = await t.call<GetFlowingRecordResponse>('POST', `/api/v1/flowing/${record.id}/contacts`, {
      cookie: f.cookies.officerA1,
      body: { contactedOn: '2026-11-15', method: 'phone', isReached: true, note: '电话联系，近况良好' },
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(200);
    record = contact.body;
    expect(record.lastContactOn).toBe('2026-11-15');
    expect(contact.body.contacts).toHaveLength(1);
    const back = await t.call<GetFlowingRecordResponse>('POST', `/api/v1/flowing/${record.id}/return`, {
      cookie: f.cookies.officerA1,
      body: { returnedOn: '2026-11-20', version: record.version },
    });
    expect(back.body).toMatchObject({ status: 'returned', returnedOn: '2026-11-20' });
  });

  it('lost contact: 停止党籍 is refused before 6 months (T3), allowed after, and the member leaves', async () => {
    const member = await createMember(t, f.cookies.admin, f.branchA1, {
      name: '施失联',
      idNumber: citizenId('1982-02-12', 65),
    });
    let record = await outflow(member, { since: '2025-10-01' });
    const lost = await t.call<GetFlowingRecordResponse>('POST', `/api/v1/flowing/${record.id}/lost-contact`, {
      cookie: f.cookies.officerA1,
      body: { since: '2026-06-01', version: record.version },
    });
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    record = lost.body;
    const early = await t.call<Problem>('POST', `/api/v1/flowing/${record.id}/suspend`, {
      cookie: f.cookies.officerA1,
      body: { suspendedOn: '2026-11-20', version: record.version },
    });
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/至 2026-12-01 才满6个月.*第二十四、三十一条）$/);

    const member2 = await createMember(t, f.cookies.admin, f.branchA1, {
      name: '姜失联',
      idNumber: citizenId('1983-03-13', 67),
    });
    let record2 = await outflow(member2, { since: '2025-10-01' });
    record2 = (
      await t.call<GetFlowingRecordResponse>('POST', `/api/v1/flowing/${record2.id}/lost-contact`, {
        cookie: f.cookies.officerA1,
        body: { since: '2026-05-01', version: record2.version },
      })
    ).body;
    expect(record2.alerts.map((a) => a.rule)).toContain('T3.lost-contact');
    const suspended = await t.call<GetFlowingRecordResponse>(
      'POST',
      `/api/v1/flowing/${record2.id}/suspend`,
      {
        cookie: f.cookies.officerA1,
        body: { suspendedOn: '2026-11-01', version: record2.version },
      },
    );
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedOn: '2026-11-01' });
    const left = await t.call<Member>('GET', `/api/v1/members/${member2.id}`, {
      cookie: f.cookies.officerA1,
    });
    expect(left.body).toMatchObject({ leftOn: '2026-11-01', leftReason: 'suspended' });
  });

  it('an in-flow record belongs to the host org and is invisible to other townships', async () => {
    const created = await t.call<GetFlowingRecordResponse>('POST', '/api/v1/flowing/in', {
      cookie: f.cookies.officerA1,
      body: {
        orgId: f.branchA1.id,
        name: '韩流入',
        homeOrgName: '中共某县某村支部委员会',
        place: '四川省某县',
        since: '2026-04-01',
        mobilityCardNo: 'LD2026-77',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const admin = await t.call<ListFlowingResponse>(
      `GET`,
      `/api/v1/flowing?direction=in&orgId=${f.townB.id}`,
      {
        cookie: f.cookies.admin,
      },
    );
    expect(admin.body.items.map((i) => i.name)).not.toContain('韩流入');
    const outside = await t.call('GET', `/api/v1/flowing/${created.body.id}`, { cookie: f.cookies.memberA1 });
    expect(outside.status).toBe(403);
  });

  it('three in-flowing members at one branch suggest a flowing-members group there (T2), in its scope only', async () => {
    const inflow = (name: string, since: string) =>
      t.call<GetFlowingRecordResponse>('POST', '/api/v1/flowing/in', {
        cookie: f.cookies.admin,
        body: {
          orgId: f.branchA2.id,
          name,
          homeOrgName: '中共某县某村支部委员会',
          place: '四川省某县',
          since,
        },
      });
    const group = async (cookie: string) =>
      (
        await t.call<ListWarningsResponse>('GET', '/api/v1/warnings?rule=T2.flowing-group&pageSize=200', {
          cookie,
        })
      ).body.items.filter((w) => w.orgId === f.branchA2.id);
    expect((await inflow('甲流入', '2026-01-05')).status).toBe(201);
    expect((await inflow('乙流入', '2026-02-05')).status).toBe(201);
    expect(await group(f.cookies.orgAdminA)).toEqual([]);
    expect((await inflow('丙流入', '2026-03-05')).status).toBe(201);
    const [warning] = await group(f.cookies.orgAdminA);
    expect(warning).toMatchObject({
      rule: 'T2.flowing-group',
      severity: 'info',
      memberId: null,
      since: '2026-03-05',
      citation: '《中国共产党党员教育管理工作条例》',
    });
    expect(warning?.message).toContain('流入党员 3 人');
    expect(await group(f.cookies.officerA1)).toEqual([]);
  });
});
