import { addDays, todayInShanghai } from '@zhibu/shared';
import type { ListMemberEventsResponse, Member } from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

// One county for the file; every test works on members of its own (created in branch A1).
let t: TestApp;
let f: CountyFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterAll(async () => t.close());

const fresh = (name: string) => createMember(t, f.cookies.admin, f.branchA1, { name, phone: null });

const today = todayInShanghai();

async function leave(member: Member, reason: string, leftOn: string) {
  const res = await t.call<Member>('POST', `/api/v1/members/${member.id}/leave`, {
    cookie: f.cookies.officerA1,
    body: { leftOn, reason, version: member.version },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const restore = (member: Member, body: Record<string, unknown>, cookie = f.cookies.officerA1) =>
  t.call<Member>('POST', `/api/v1/members/${member.id}/restore`, {
    cookie,
    body: { version: member.version, ...body },
  });

describe('POST /members/:id/restore', () => {
  it('restores a suspended member (恢复党籍) with a dated, audited event', async () => {
    const left = await leave(await fresh('恢复甲'), 'suspended', addDays(today, -400));
    const res = await restore(left, { restoredOn: today, reason: '已取得联系，经支部研究恢复党籍' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ leftOn: null, leftReason: null, version: left.version + 1 });
    const events = await t.call<ListMemberEventsResponse>('GET', `/api/v1/members/${left.id}/events`, {
      cookie: f.cookies.officerA1,
    });
    expect(events.body.items.at(-1)).toMatchObject({
      kind: 'restored',
      occurredOn: today,
      detail: { restoreMode: 'suspension_lifted', leftReason: 'suspended' },
    });
    expect(events.body.items.map((e) => e.kind)).toContain('left');
    const audit = await t.call<{ items: { action: string; summary: string }[] }>(
      'GET',
      '/api/v1/audit?action=member.restore',
      { cookie: f.cookies.admin },
    );
    expect(audit.body.items[0]?.summary).toContain('恢复党籍');
    // Back on the register, so counted again.
    const list = await t.call<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/members?orgId=${f.branchA1.id}&pageSize=100`,
      { cookie: f.cookies.officerA1 },
    );
    expect(list.body.items.map((m) => m.id)).toContain(left.id);
  });

  it('restarts dues after a lifted suspension: months while suspended are not owed', async () => {
    const member = await fresh('恢复乙');
    const profile = await t.call('POST', `/api/v1/dues/members/${member.id}/profiles`, {
      cookie: f.cookies.officerA1,
      body: { category: 'student', effectiveFrom: addDays(today, -400) },
    });
    expect(profile.status).toBe(201);
    const unpaid = async () =>
      (
        await t.call<{ items: { memberId: string }[] }>('GET', '/api/v1/warnings?rule=P4.unpaid-months', {
          cookie: f.cookies.officerA1,
        })
      ).body.items.map((w) => w.memberId);
    expect(await unpaid()).toContain(member.id);
    const left = await leave(member, 'suspended', addDays(today, -300));
    const res = await restore(left, { restoredOn: today, reason: '恢复党籍' });
    expect(res.status).toBe(200);
    expect(await unpaid()).not.toContain(member.id);
  });

  it('reverses a wrongly recorded reduction as a correction', async () => {
    const left = await leave(await fresh('恢复丙'), 'death', today);
    const res = await restore(left, { restoredOn: today, reason: '误报死亡，予以更正' });
    expect(res.status).toBe(200);
    const events = await t.call<ListMemberEventsResponse>('GET', `/api/v1/members/${left.id}/events`, {
      cookie: f.cookies.officerA1,
    });
    expect(events.body.items.at(-1)?.detail).toMatchObject({
      restoreMode: 'correction',
      leftReason: 'death',
    });
  });

  it('refuses members on the register, dates out of order, stale versions and other scopes', async () => {
    const member = await fresh('恢复丁');
    const notLeft = await restore(member, { restoredOn: today, reason: 'x' });
    expect(notLeft.status).toBe(409);
    expect(notLeft.body).toMatchObject({ code: 'MEMBER_NOT_LEFT' });
    const left = await leave(member, 'suspended', today);
    const early = await restore(left, { restoredOn: addDays(today, -1), reason: 'x' });
    expect(early.status).toBe(400);
    const future = await restore(left, { restoredOn: addDays(today, 1), reason: 'x' });
    expect(future.status).toBe(400);
    const stale = await restore(left, { restoredOn: today, reason: 'x', version: member.version });
    expect(stale.status).toBe(409);
    const noReason = await restore(left, { restoredOn: today, reason: '' });
    expect(noReason.status).toBe(400);
    const b1 = f.membersB1[0] as Member;
    expect((await restore(b1, { restoredOn: today, reason: 'x' })).status).toBe(404);
  });
});
