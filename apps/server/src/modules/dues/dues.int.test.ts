import { addMonthsToMonth, firstDayOfMonth, monthOf, todayInShanghai } from '@zhibu/shared';
import type {
  CollectDuesResponse,
  DuesPayment,
  DuesSheetResponse,
  DuesSummaryResponse,
  ListDuesArrearsResponse,
  ListWarningsResponse,
  Member,
  MemberDuesResponse,
} from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';
import { rebuildMemberStates } from './dues.queries.ts';

// Each test builds its own county (the dues ledger cannot be reset); under a loaded machine that
// takes longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

const today = todayInShanghai();
const current = monthOf(today);
/** The month n months from the current one. */
const month = (n: number) => addMonthsToMonth(current, n);

const li = () => f.membersA1[0] as Member; // 李四, full member of A1
const wang = () => f.membersA1[1] as Member; // 王芳, probationary in A1 since 2026-03-01
const zhao = () => f.membersA2[0] as Member; // 赵六, A2

async function setProfile(member: Member, body: Record<string, unknown>, cookie = f.cookies.admin) {
  const res = await t.call('POST', `/api/v1/dues/members/${member.id}/profiles`, { cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function pay(body: Record<string, unknown>, cookie = f.cookies.admin) {
  return t.call<DuesPayment>('POST', '/api/v1/dues/payments', { cookie, body });
}

const errorsOf = (res: { body: unknown }) =>
  (res.body as { errors: { field: string; code: string }[] }).errors;

const sheet = (orgId: string, m: string, cookie = f.cookies.admin) =>
  t.call<DuesSheetResponse>('GET', `/api/v1/dues/sheet?orgId=${orgId}&month=${m}`, { cookie });

describe('dues profiles and standards', () => {
  it('computes the standard from category and base, keeps history, and records hardship decisions', async () => {
    const first = await setProfile(li(), {
      category: 'employed',
      baseFen: 300_001,
      effectiveFrom: firstDayOfMonth(month(-8)),
    });
    expect(first).toMatchObject({ category: 'employed', rate: 0.01, standardFen: 3000 });
    await setProfile(li(), {
      category: 'retired',
      baseFen: 500_000,
      effectiveFrom: firstDayOfMonth(month(-1)),
    });
    const dues = await t.call<MemberDuesResponse>('GET', `/api/v1/dues/members/${li().id}`, {
      cookie: f.cookies.officerA1,
    });
    expect(dues.status).toBe(200);
    expect(dues.body.current).toMatchObject({ category: 'retired', standardFen: 2500 });
    expect(dues.body.profiles.map((p) => p.standardFen)).toEqual([2500, 3000]);

    const noDecision = await t.call('POST', `/api/v1/dues/members/${wang().id}/profiles`, {
      cookie: f.cookies.admin,
      body: { category: 'hardship_reduced', amountFen: 0, effectiveFrom: today },
    });
    expect(noDecision.status).toBe(400);
    expect(errorsOf(noDecision)).toContainEqual(
      expect.objectContaining({ code: 'HARDSHIP_DECISION_REQUIRED' }),
    );
    const waived = await setProfile(wang(), {
      category: 'hardship_reduced',
      amountFen: 0,
      effectiveFrom: today,
      hardship: { reason: '重病', decidedOn: today, approvedBy: '甲镇党委', approvedOn: today },
    });
    expect(waived).toMatchObject({ standardFen: 0, hardship: { approvedBy: '甲镇党委' } });
    const badBase = await t.call('POST', `/api/v1/dues/members/${li().id}/profiles`, {
      cookie: f.cookies.admin,
      body: { category: 'employed', baseFen: -1, effectiveFrom: today },
    });
    expect(badBase.status).toBe(400);
  });

  it('sets one standard for many members of a branch, within scope only', async () => {
    const res = await t.call('POST', '/api/v1/dues/profiles/batch', {
      cookie: f.cookies.officerA1,
      body: {
        orgId: f.branchA1.id,
        memberIds: [li().id, wang().id],
        category: 'farmer',
        effectiveFrom: today,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ count: 2, standardFen: 20 });
    const outside = await t.call('POST', '/api/v1/dues/profiles/batch', {
      cookie: f.cookies.officerA1,
      body: { orgId: f.branchA1.id, memberIds: [zhao().id], category: 'farmer', effectiveFrom: today },
    });
    expect(outside.status).toBe(400);
    expect(errorsOf(outside)[0]).toMatchObject({ field: 'memberIds.0', code: 'MEMBER_NOT_IN_ORG' });
  });
});

describe('monthly batch collection', () => {
  it('collects a month for a branch in one request, then refuses the same month again', async () => {
    await setProfile(li(), {
      category: 'employed',
      baseFen: 300_000,
      effectiveFrom: firstDayOfMonth(month(-2)),
    });
    await setProfile(wang(), { category: 'student', effectiveFrom: '2026-03-01' });
    const before = await sheet(f.branchA1.id, current, f.cookies.officerA1);
    expect(before.status).toBe(200);
    expect(before.body.rows.map((r) => [r.name, r.standardFen, r.state])).toEqual(
      expect.arrayContaining([
        ['李四', 1500, 'unpaid'],
        ['王芳', 20, 'unpaid'],
      ]),
    );
    const collected = await t.call<CollectDuesResponse>('POST', '/api/v1/dues/collections', {
      cookie: f.cookies.officerA1,
      body: {
        orgId: f.branchA1.id,
        month: current,
        paidOn: today,
        items: before.body.rows.map((r) => ({ memberId: r.memberId, amountFen: r.standardFen })),
      },
    });
    expect(collected.status, JSON.stringify(collected.body)).toBe(201);
    expect(collected.body).toMatchObject({ count: 2, totalFen: 1520, centreFen: 0 });
    const after = await sheet(f.branchA1.id, current, f.cookies.officerA1);
    expect(after.body.rows.every((r) => r.state === 'paid')).toBe(true);
    expect(after.body.totals).toMatchObject({ paidCount: 2, paidFen: 1520, unpaidCount: 0 });
    // Earlier month still owed: shown as arrears on the sheet.
    expect(after.body.rows.find((r) => r.name === '李四')?.arrearsMonths).toEqual([month(-2), month(-1)]);

    const again = await t.call('POST', '/api/v1/dues/collections', {
      cookie: f.cookies.officerA1,
      body: {
        orgId: f.branchA1.id,
        month: current,
        paidOn: today,
        items: [{ memberId: li().id, amountFen: 1500 }],
      },
    });
    expect(again.status).toBe(400);
    expect(errorsOf(again)[0]).toMatchObject({ field: 'items.0.memberId', code: 'DUES_ALREADY_PAID' });

    const audit = await t.call<{ items: { action: string; summary: string }[] }>(
      'GET',
      '/api/v1/audit?action=dues.collect',
      { cookie: f.cookies.admin },
    );
    expect(audit.body.items[0]?.summary).toContain('2 人，共 15.20 元');
  });

  it('is all or nothing, and an officer cannot collect for another branch', async () => {
    await setProfile(li(), { category: 'farmer', effectiveFrom: firstDayOfMonth(current) });
    const mixed = await t.call('POST', '/api/v1/dues/collections', {
      cookie: f.cookies.admin,
      body: {
        orgId: f.branchA1.id,
        month: current,
        paidOn: today,
        items: [
          { memberId: li().id, amountFen: 20 },
          { memberId: zhao().id, amountFen: 20 },
        ],
      },
    });
    expect(mixed.status).toBe(400);
    expect(errorsOf(mixed)[0]).toMatchObject({ field: 'items.1.memberId', code: 'MEMBER_NOT_IN_ORG' });
    expect((await sheet(f.branchA1.id, current)).body.totals.paidCount).toBe(0);
    const foreign = await t.call('POST', '/api/v1/dues/collections', {
      cookie: f.cookies.officerA1,
      body: {
        orgId: f.branchA2.id,
        month: current,
        paidOn: today,
        items: [{ memberId: zhao().id, amountFen: 20 }],
      },
    });
    expect(foreign.status).toBe(404);
    expect((await sheet(f.branchA2.id, current, f.cookies.officerA1)).status).toBe(404);
    expect((await sheet(f.branchA1.id, current, f.cookies.memberA1)).status).toBe(403);
  });

  it('handles a branch of 50 in one request', async () => {
    const big = await t.call<{ id: string }>('POST', '/api/v1/orgs', {
      cookie: f.cookies.admin,
      body: { parentId: f.townA.id, name: '甲镇大支部', type: 'branch', category: 'rural' },
    });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const m = await createMember(t, f.cookies.admin, big.body as never, { name: `党员${i}`, phone: null });
      ids.push(m.id);
    }
    expect(ids.length).toBe(50);
    const batch = await t.call('POST', '/api/v1/dues/profiles/batch', {
      cookie: f.cookies.admin,
      body: { orgId: big.body.id, memberIds: ids, category: 'farmer', amountFen: 50, effectiveFrom: today },
    });
    expect(batch.status).toBe(200);
    const s = await sheet(big.body.id, current);
    expect(s.body.rows).toHaveLength(50);
    const started = Date.now();
    const res = await t.call<CollectDuesResponse>('POST', '/api/v1/dues/collections', {
      cookie: f.cookies.admin,
      body: {
        orgId: big.body.id,
        month: current,
        paidOn: today,
        items: s.body.rows.map((r) => ({ memberId: r.memberId, amountFen: r.standardFen })),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ count: 50, totalFen: 2500 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('single payments, back-payment limit and reversals', () => {
  it('refuses back-payment beyond 6 months citing 第十二条, accepts 6', async () => {
    await setProfile(li(), {
      category: 'employed',
      baseFen: 400_000,
      effectiveFrom: firstDayOfMonth(month(-12)),
    });
    const late = await pay({ memberId: li().id, month: month(-7), amountFen: 4000, paidOn: today });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(String((late.body as unknown as { detail: string }).detail)).toContain(
      '《关于中国共产党党费收缴、使用和管理的规定》第十二条',
    );
    const ok = await pay({ memberId: li().id, month: month(-6), amountFen: 4000, paidOn: today });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'monthly', month: month(-6), amountFen: 4000, standardFen: 4000 });
    const twice = await pay({ memberId: li().id, month: month(-6), amountFen: 4000, paidOn: today });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'DUES_ALREADY_PAID' });
  });

  it('corrects with a linked reversing entry, never twice, and the month is owed again', async () => {
    await setProfile(li(), {
      category: 'employed',
      baseFen: 400_000,
      effectiveFrom: firstDayOfMonth(month(-3)),
    });
    const paid = await pay({ memberId: li().id, month: month(-1), amountFen: 4000, paidOn: today });
    expect(paid.status).toBe(201);
    const rev = await t.call<DuesPayment>('POST', `/api/v1/dues/payments/${paid.body.id}/reverse`, {
      cookie: f.cookies.officerA1,
      body: { reason: '录错金额' },
    });
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    expect(rev.body).toMatchObject({
      kind: 'reversal',
      amountFen: -4000,
      reversesId: paid.body.id,
      month: month(-1),
    });
    const again = await t.call('POST', `/api/v1/dues/payments/${paid.body.id}/reverse`, {
      cookie: f.cookies.admin,
      body: { reason: '再冲' },
    });
    expect(again.status).toBe(409);
    const ofReversal = await t.call('POST', `/api/v1/dues/payments/${rev.body.id}/reverse`, {
      cookie: f.cookies.admin,
      body: { reason: '再冲' },
    });
    expect(ofReversal.status).toBe(409);
    const outsider = await t.call('POST', `/api/v1/dues/payments/${paid.body.id}/reverse`, {
      cookie: await t.login(f.usernames.orgAdminA),
      body: { reason: 'x' },
    });
    expect(outsider.status).toBe(409); // in scope (township A), already reversed
    const dues = await t.call<MemberDuesResponse>('GET', `/api/v1/dues/members/${li().id}`, {
      cookie: f.cookies.admin,
    });
    expect(dues.body.months.find((m) => m.month === month(-1))).toMatchObject({
      paidFen: 0,
      state: 'unpaid',
    });
    expect(dues.body.payments.find((p) => p.id === paid.body.id)?.reversedById).toBe(rev.body.id);
    const state = async () =>
      (
        (await t.database.db.execute(sql`select last_paid_month from dues_member_state`)) as unknown as {
          rows: { last_paid_month: string | null }[];
        }
      ).rows.map((r) => r.last_paid_month);
    // The rollup follows the ledger: nothing paid once the only payment is reversed …
    expect(await state()).toEqual([null]);
    const corrected = await pay({ memberId: li().id, month: month(-1), amountFen: 4000, paidOn: today });
    expect(corrected.status).toBe(201);
    expect(await state()).toEqual([month(-1)]);
    // … and a rebuild from the ledger gives the same.
    await rebuildMemberStates(t.database.db);
    expect(await state()).toEqual([month(-1)]);
  });

  it('keeps the ledger append-only in the database itself', async () => {
    await setProfile(li(), { category: 'student', effectiveFrom: today });
    const paid = await pay({ memberId: li().id, month: current, amountFen: 20, paidOn: today });
    expect(paid.status).toBe(201);
    await expect(t.database.db.execute(sql`update dues_payments set amount_fen = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from dues_payments`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update dues_profiles set standard_fen = 1`)).rejects.toThrow();
  });

  it('flags extra payments of 1000 元 or more as going to the Centre (第十一条)', async () => {
    await setProfile(li(), { category: 'student', effectiveFrom: today });
    const big = await pay({ memberId: li().id, kind: 'extra', amountFen: 100_000, paidOn: today });
    expect(big.body).toMatchObject({ kind: 'extra', month: null, centreFen: 100_000 });
    const small = await pay({ memberId: li().id, kind: 'extra', amountFen: 99_999, paidOn: today });
    expect(small.body.centreFen).toBe(0);
    const over = await pay({ memberId: li().id, month: current, amountFen: 100_020, paidOn: today });
    expect(over.body.centreFen).toBe(100_000);
    const summary = await t.call<DuesSummaryResponse>(
      'GET',
      `/api/v1/dues/summary?orgId=${f.branchA1.id}&year=${current.slice(0, 4)}`,
      { cookie: f.cookies.officerA1 },
    );
    expect(summary.status).toBe(200);
    expect(summary.body.totals.centreFen).toBe(200_000);
    expect(summary.body.totals.collectedFen).toBe(100_000 + 99_999 + 100_020);
  });
});

describe('arrears and the six-month rule (第十三条)', () => {
  it('lists arrears per member and org, and warns at 3 and at 6 consecutive months', async () => {
    // 赵六: last paid 9 months ago → 8 consecutive unpaid months; 李四: last paid 4 months ago → 3.
    await setProfile(zhao(), {
      category: 'employed',
      baseFen: 200_000,
      effectiveFrom: firstDayOfMonth(month(-9)),
    });
    expect(
      (
        await pay({
          memberId: zhao().id,
          month: month(-9),
          amountFen: 1000,
          paidOn: firstDayOfMonth(month(-9)),
        })
      ).status,
    ).toBe(201);
    await setProfile(li(), {
      category: 'employed',
      baseFen: 200_000,
      effectiveFrom: firstDayOfMonth(month(-9)),
    });
    expect(
      (
        await pay({
          memberId: li().id,
          month: month(-4),
          amountFen: 1000,
          paidOn: firstDayOfMonth(month(-4)),
        })
      ).status,
    ).toBe(201);

    const arrears = await t.call<ListDuesArrearsResponse>('GET', `/api/v1/dues/arrears?orgId=${f.townA.id}`, {
      cookie: f.cookies.admin,
    });
    expect(arrears.status).toBe(200);
    expect(arrears.body.items.map((i) => [i.name, i.consecutiveUnpaidMonths, i.arrearsFen])).toEqual([
      ['赵六', 8, 6 * 1000],
      ['李四', 3, 5 * 1000], // months −6, −5, −3, −2, −1 of the payable window
    ]);
    expect(arrears.body.items[0]?.arrearsMonths).toEqual([
      month(-6),
      month(-5),
      month(-4),
      month(-3),
      month(-2),
      month(-1),
    ]);
    expect(arrears.body.totalFen).toBe(11_000);
    expect(arrears.body.byOrg.map((o) => o.orgId).sort()).toEqual([f.branchA1.id, f.branchA2.id].sort());

    const warnings = await t.call<ListWarningsResponse>('GET', '/api/v1/warnings?rule=P4.unpaid-months', {
      cookie: f.cookies.admin,
    });
    expect(warnings.status).toBe(200);
    const byMember = new Map(warnings.body.items.map((w) => [w.memberName, w]));
    expect(byMember.get('赵六')).toMatchObject({
      severity: 'violation',
      citation: '《关于中国共产党党费收缴、使用和管理的规定》第十三条',
      since: firstDayOfMonth(month(-8)),
      orgId: f.branchA2.id,
    });
    expect(byMember.get('李四')).toMatchObject({ severity: 'warning', since: firstDayOfMonth(month(-3)) });
    // The officer of A1 sees only A1's.
    const officer = await t.call<ListWarningsResponse>('GET', '/api/v1/warnings?rule=P4.unpaid', {
      cookie: f.cookies.officerA1,
    });
    expect(officer.body.items.map((w) => w.memberName)).toEqual(['李四']);
  });
});

describe('downloads', () => {
  it('writes the collection sheet and the yearly summary as xlsx, formulas escaped', async () => {
    const sly = await createMember(t, f.cookies.admin, f.branchA1, { name: '=HYPERLINK("http://x","点我")' });
    await setProfile(sly, { category: 'student', effectiveFrom: today });
    const res = await t.call('GET', `/api/v1/dues/sheet.xlsx?orgId=${f.branchA1.id}&month=${current}`, {
      cookie: f.cookies.officerA1,
    });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws?.getCell('A1').value)).toContain('党费收缴表');
    const names: string[] = [];
    ws?.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    expect(names).toContain('\'=HYPERLINK("http://x","点我")');
    for (const row of names) expect(row.startsWith('=')).toBe(false);

    const year = await t.call(
      'GET',
      `/api/v1/dues/summary.xlsx?orgId=${f.branchA1.id}&year=${current.slice(0, 4)}`,
      {
        cookie: f.cookies.officerA1,
      },
    );
    expect(year.status).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(year.body as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['党费收缴情况', '党员明细', '说明']);
    expect(wb2.worksheets[1]?.rowCount).toBeGreaterThanOrEqual(2 + 3);
  });
});
