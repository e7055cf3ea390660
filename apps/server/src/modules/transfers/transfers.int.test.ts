import type {
  ListMemberEventsResponse,
  ListMembersResponse,
  ListTransfersResponse,
  ListWarningsResponse,
  Member,
  Problem,
  Transfer,
  TransferSummary,
} from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp, USER_PASSWORD, unique } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
let officerB1: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  const username = unique('officerb');
  const created = await t.call('POST', '/api/v1/users', {
    cookie: f.cookies.admin,
    body: {
      username,
      displayName: '乙一书记',
      password: USER_PASSWORD,
      role: 'officer',
      orgId: f.branchB1.id,
    },
  });
  expect(created.status).toBe(201);
  officerB1 = await t.login(username);
});
afterAll(async () => t.close());

const names = async (cookie: string, orgId: string) =>
  (
    await t.call<ListMembersResponse>('GET', `/api/v1/members?orgId=${orgId}&pageSize=100`, { cookie })
  ).body.items.map((m) => m.name);
const box = async (cookie: string, which: 'incoming' | 'outgoing', state = 'pending') =>
  (await t.call<ListTransfersResponse>('GET', `/api/v1/transfers?box=${which}&state=${state}`, { cookie }))
    .body.items;

describe('transfers between two branches of the tree', () => {
  it('the sender initiates, the receiver accepts, and the member moves only then', async () => {
    const member = await createMember(t, f.cookies.admin, f.branchA1, {
      name: '钱转接',
      idNumber: citizenId('1985-05-05', 91),
    });
    const destinations = await t.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/v1/transfers/destinations?q=${encodeURIComponent('乙一')}`,
      { cookie: f.cookies.officerA1 },
    );
    expect(destinations.body.items.map((d) => d.id)).toContain(f.branchB1.id);

    const sent = await t.call<Transfer>('POST', '/api/v1/transfers', {
      cookie: f.cookies.officerA1,
      body: { memberId: member.id, toOrgId: f.branchB1.id, reason: 'work_change', issuedOn: '2026-11-01' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'initiated',
      validUntil: '2026-12-01',
      canCancel: true,
      canAccept: false,
    });

    // In transit the member still belongs to the sender.
    expect(await names(f.cookies.officerA1, f.branchA1.id)).toContain('钱转接');
    expect(await names(officerB1, f.branchB1.id)).not.toContain('钱转接');
    const again = await t.call<Problem>('POST', '/api/v1/transfers', {
      cookie: f.cookies.officerA1,
      body: { memberId: member.id, toOrgId: f.branchA2.id, reason: 'other', issuedOn: '2026-11-02' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRANSFER_PENDING');

    // Both sides see it as 待办.
    const incoming = await box(officerB1, 'incoming');
    expect(incoming.map((i) => i.id)).toContain(sent.body.id);
    expect(incoming.find((i) => i.id === sent.body.id)).toMatchObject({
      canAccept: true,
      canReturn: true,
      canCancel: false,
    });
    expect((await box(f.cookies.officerA1, 'outgoing')).map((i) => i.id)).toContain(sent.body.id);
    expect((await box(f.cookies.officerA1, 'incoming')).map((i) => i.id)).not.toContain(sent.body.id);
    const summary = await t.call<TransferSummary>('GET', '/api/v1/transfers/summary', { cookie: officerB1 });
    expect(summary.body.incomingPending).toBeGreaterThanOrEqual(1);

    // Only the receiver can accept.
    const bySender = await t.call('POST', `/api/v1/transfers/${sent.body.id}/accept`, {
      cookie: f.cookies.officerA1,
      body: { acceptedOn: '2026-11-05', version: sent.body.version },
    });
    expect(bySender.status).toBe(404);
    // A receiver looking at a stale copy is told so, and a receipt exists only for letters out.
    const stale = await t.call('POST', `/api/v1/transfers/${sent.body.id}/accept`, {
      cookie: officerB1,
      body: { acceptedOn: '2026-11-05', version: sent.body.version + 1 },
    });
    expect(stale.status).toBe(409);
    const receipt = await t.call('POST', `/api/v1/transfers/${sent.body.id}/receipt`, {
      cookie: f.cookies.officerA1,
      body: { receiptOn: '2026-11-05', version: sent.body.version },
    });
    expect(receipt.status).toBe(404);
    const accepted = await t.call<Transfer>('POST', `/api/v1/transfers/${sent.body.id}/accept`, {
      cookie: officerB1,
      body: { acceptedOn: '2026-11-05', version: sent.body.version },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('accepted');

    expect(await names(officerB1, f.branchB1.id)).toContain('钱转接');
    expect(await names(f.cookies.officerA1, f.branchA1.id)).not.toContain('钱转接');
    const events = await t.call<z.infer<typeof ListMemberEventsResponse>>(
      'GET',
      `/api/v1/members/${member.id}/events`,
      { cookie: officerB1 },
    );
    expect(events.body.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['transfer_initiated', 'org_changed']),
    );
    // History stays on both sides.
    expect((await box(f.cookies.officerA1, 'outgoing', 'closed')).map((i) => i.id)).toContain(sent.body.id);
    expect((await box(officerB1, 'incoming', 'closed')).map((i) => i.id)).toContain(sent.body.id);
  });

  it('the receiver returns a transfer with a reason; the member stays with the sender', async () => {
    const member = await createMember(t, f.cookies.admin, f.branchA1, {
      name: '孙退回',
      idNumber: citizenId('1986-06-06', 93),
    });
    const sent = await t.call<Transfer>('POST', '/api/v1/transfers', {
      cookie: f.cookies.officerA1,
      body: {
        memberId: member.id,
        toOrgId: f.branchB1.id,
        reason: 'residence_change',
        issuedOn: '2026-11-10',
      },
    });
    const noReason = await t.call('POST', `/api/v1/transfers/${sent.body.id}/return`, {
      cookie: officerB1,
      body: { returnedOn: '2026-11-11', reason: '', version: sent.body.version },
    });
    expect(noReason.status).toBe(400);
    const returned = await t.call<Transfer>('POST', `/api/v1/transfers/${sent.body.id}/return`, {
      cookie: officerB1,
      body: { returnedOn: '2026-11-11', reason: '本人实际居住地不在本村', version: sent.body.version },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '本人实际居住地不在本村' });
    const seenBySender = await t.call<Transfer>('GET', `/api/v1/transfers/${sent.body.id}`, {
      cookie: f.cookies.officerA1,
    });
    expect(seenBySender.body.returnReason).toBe('本人实际居住地不在本村');
    expect(await names(f.cookies.officerA1, f.branchA1.id)).toContain('孙退回');
    const accept = await t.call<Problem>('POST', `/api/v1/transfers/${sent.body.id}/accept`, {
      cookie: officerB1,
      body: { acceptedOn: '2026-11-12', version: returned.body.version },
    });
    expect(accept.body.code).toBe('TRANSFER_CLOSED');
  });
});

describe('transfers out of and into the system', () => {
  it('refuses a letter valid for more than 3 months, citing the regulation', async () => {
    const member = f.membersA2[0] as Member;
    const res = await t.call<Problem>('POST', '/api/v1/transfers/out', {
      cookie: f.cookies.orgAdminA,
      body: {
        memberId: member.id,
        destination: '中共某省某市某区委组织部',
        letterNo: '甲组转2026-001',
        issuedOn: '2026-08-01',
        validUntil: '2026-11-02',
        reason: 'work_change',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/最长不超过3个月.*（《中国共产党党员教育管理工作条例》）$/);
  });

  it('an expired letter warns both in the list and in the warnings; the receipt ends it', async () => {
    const member = await createMember(t, f.cookies.admin, f.branchA2, {
      name: '郑外转',
      idNumber: citizenId('1979-09-09', 95),
    });
    const letter = await t.call<Transfer>('POST', '/api/v1/transfers/out', {
      cookie: f.cookies.orgAdminA,
      body: {
        memberId: member.id,
        destination: '中共某市某街道工作委员会',
        letterNo: '甲组转2026-002',
        issuedOn: '2026-09-01',
        reason: 'work_change',
      },
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    expect(letter.body).toMatchObject({
      status: 'issued',
      validUntil: '2026-10-01',
      isExpired: true,
      canRecordReceipt: true,
    });
    const warnings = await t.call<ListWarningsResponse>(
      'GET',
      '/api/v1/warnings?rule=T1.transfer-overdue&pageSize=200',
      {
        cookie: f.cookies.orgAdminA,
      },
    );
    expect(warnings.status, JSON.stringify(warnings.body)).toBe(200);
    const w = warnings.body.items.find((i) => i.memberId === member.id);
    expect(w).toMatchObject({
      severity: 'warning',
      due: '2026-10-01',
      citation: '《中国共产党党员教育管理工作条例》',
    });
    expect(w?.message).toContain('甲组转2026-002');

    const receipt = await t.call<Transfer>('POST', `/api/v1/transfers/${letter.body.id}/receipt`, {
      cookie: f.cookies.orgAdminA,
      body: { receiptOn: '2026-10-20', version: letter.body.version },
    });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
    expect(receipt.body.status).toBe('receipt_returned');
    const gone = await t.call<Member>('GET', `/api/v1/members/${member.id}`, { cookie: f.cookies.orgAdminA });
    expect(gone.body).toMatchObject({ leftOn: '2026-10-20', leftReason: 'transfer_out' });
  });

  it('a letter from outside adds the member to the register when accepted', async () => {
    const letter = await t.call<Transfer>('POST', '/api/v1/transfers/in', {
      cookie: officerB1,
      body: {
        toOrgId: f.branchB1.id,
        origin: '中共某县某乡委员会',
        letterNo: '某组转2026-088',
        issuedOn: '2026-11-01',
        reason: 'residence_change',
        person: {
          name: '冯转入',
          idNumber: citizenId('1998-08-08', 97),
          status: 'probationary',
          joinedOn: '2026-03-01',
        },
      },
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    expect(letter.body.member.idNumberMasked).toMatch(/\*{8}/);
    expect(await names(officerB1, f.branchB1.id)).not.toContain('冯转入');
    const accepted = await t.call<Transfer>('POST', `/api/v1/transfers/${letter.body.id}/accept`, {
      cookie: officerB1,
      body: { acceptedOn: '2026-11-03', version: letter.body.version },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', receiptOn: '2026-11-03' });
    expect(await names(officerB1, f.branchB1.id)).toContain('冯转入');
    // The probationary member's conversion continues here, with the 6-month allowance of D8.
    const people = await t.call<{ items: { name: string; stage: string; nextSteps: number[] }[] }>(
      'GET',
      `/api/v1/development/people?orgId=${f.branchB1.id}`,
      { cookie: officerB1 },
    );
    expect(people.body.items.find((p) => p.name === '冯转入')).toMatchObject({
      stage: 'probationary',
      nextSteps: [21],
    });
  });
});
