import { addDays, addYears, todayInShanghai } from '@zhibu/shared';
import type {
  ListRulesResponse,
  ListWarningsResponse,
  RuleInfo,
  WarningSummaryResponse,
} from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
let orgAdminA: string;
const today = todayInShanghai();

beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  orgAdminA = f.cookies.orgAdminA;
  // A2's term (3 years, a branch outside villages) ended yesterday; B1 has a secretary recorded.
  for (const [org, body] of [
    [f.branchA2, { category: 'institution', termStartedOn: addDays(addYears(today, -3), -1), termYears: 3 }],
    [f.branchB1, { secretaryName: '孙书记' }],
  ] as const) {
    const res = await t.call('PATCH', `/api/v1/orgs/${org.id}`, {
      cookie: f.cookies.admin,
      body: { ...body, version: org.version },
    });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  }
});
afterAll(async () => t.close());

const warnings = (cookie: string, query = '') =>
  t.call<ListWarningsResponse>('GET', `/api/v1/warnings?pageSize=200${query}`, { cookie });

describe('GET /warnings: scope', () => {
  it('shows an officer only the warnings of their branch', async () => {
    const res = await warnings(f.cookies.officerA1);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((w) => w.orgId))).toEqual(new Set([f.branchA1.id]));
    // Member warnings name the member; org warnings name none.
    expect(res.body.items.some((w) => w.memberName === '李四')).toBe(true);
    for (const w of res.body.items) expect(w.citation).toMatch(/^《.+》/);
  });

  it('shows a township admin both branches of the township, never township B', async () => {
    const res = await warnings(orgAdminA);
    const orgs = new Set(res.body.items.map((w) => w.orgId));
    expect(orgs.has(f.branchA1.id) && orgs.has(f.branchA2.id)).toBe(true);
    expect(orgs.has(f.branchB1.id)).toBe(false);
    const all = await warnings(f.cookies.admin);
    expect(all.body.items.some((w) => w.orgId === f.branchB1.id)).toBe(true);
  });

  it('refuses member-role accounts and orgs outside scope (404, like a missing org)', async () => {
    expect((await warnings(f.cookies.memberA1)).status).toBe(403);
    const outside = await warnings(f.cookies.officerA1, `&orgId=${f.branchB1.id}`);
    const missing = await warnings(f.cookies.officerA1, '&orgId=zzzzzzzz');
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await warnings(f.cookies.officerA1, `&memberId=${f.membersB1[0]?.id}`)).status).toBe(404);
  });

  it('filters by org subtree, severity and rule prefix, and counts by severity', async () => {
    const a2 = await warnings(orgAdminA, `&orgId=${f.branchA2.id}`);
    expect(a2.body.items.every((w) => w.orgId === f.branchA2.id)).toBe(true);
    const expired = a2.body.items.find((w) => w.rule === 'B4.term-expired');
    expect(expired).toMatchObject({
      severity: 'violation',
      citation: '《中国共产党基层组织选举工作条例》第三条',
      orgName: f.branchA2.name,
    });
    const violations = await warnings(orgAdminA, `&orgId=${f.branchA2.id}&severity=violation`);
    expect(violations.body.items.every((w) => w.severity === 'violation')).toBe(true);
    expect(violations.body.counts).toEqual(a2.body.counts);
    const b = await warnings(orgAdminA, '&rule=B');
    expect(b.body.items.every((w) => w.rule.startsWith('B'))).toBe(true);
    expect(b.body.total).toBe(b.body.items.length);
  });

  it('counts warnings per child org for the tree badges', async () => {
    const res = await t.call<WarningSummaryResponse>(
      'GET',
      `/api/v1/warnings/summary?parentId=${f.townA.id}`,
      {
        cookie: orgAdminA,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.orgId).sort()).toEqual([f.branchA1.id, f.branchA2.id].sort());
    const a2 = res.body.items.find((i) => i.orgId === f.branchA2.id);
    const direct = await warnings(orgAdminA, `&orgId=${f.branchA2.id}`);
    expect(a2?.total).toBe(direct.body.total);
    expect(a2?.violation).toBeGreaterThan(0);
    const roots = await t.call<WarningSummaryResponse>('GET', '/api/v1/warnings/summary', {
      cookie: orgAdminA,
    });
    expect(roots.body.items.map((i) => i.orgId)).toEqual([f.townA.id]);
    const outside = await t.call('GET', `/api/v1/warnings/summary?parentId=${f.townB.id}`, {
      cookie: orgAdminA,
    });
    expect(outside.status).toBe(404);
  });
});

describe('rules and their parameters', () => {
  const rule = async (id: string) =>
    (await t.call<ListRulesResponse>('GET', '/api/v1/rules', { cookie: f.cookies.admin })).body.items.find(
      (r) => r.id === id,
    ) as RuleInfo;

  it('lists every rule with citation, dates, parameters and editable fields', async () => {
    const res = await t.call<ListRulesResponse>('GET', '/api/v1/rules', { cookie: f.cookies.officerA1 });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((r) => [r.id, r]));
    expect(byId.get('P4.back-payment-limit')).toMatchObject({
      citation: '《关于中国共产党党费收缴、使用和管理的规定》第十二条',
      params: { maxBackMonths: 6 },
      producesWarnings: false,
      isInForce: true,
    });
    expect(byId.get('B4.term-expiring')?.fields.map((x) => x.key)).toContain(
      'defaultYears.villageAndCommunity',
    );
    expect(byId.get('B3.state-organ-structure')?.fields.find((x) => x.key === 'categories')?.type).toBe(
      'string[]',
    );
  });

  it('lets only a system administrator change parameters; audited, versioned, validated, in effect', async () => {
    const body = { params: { minFullMembers: 1 }, version: 0 };
    for (const cookie of [f.cookies.officerA1, orgAdminA, f.cookies.memberA1]) {
      expect((await t.call('PATCH', '/api/v1/rules/B1.branch-too-few/params', { cookie, body })).status).toBe(
        403,
      );
    }
    // A2 has one full member: flagged with the default of 3.
    const before = await warnings(orgAdminA, '&rule=B1.branch-too-few');
    expect(before.body.items.map((w) => w.orgId)).toContain(f.branchA2.id);

    const bad = await t.call('PATCH', '/api/v1/rules/B1.branch-too-few/params', {
      cookie: f.cookies.admin,
      body: { params: { minFullMembers: 'three' }, version: 0 },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string; code: string }[] }).errors[0]).toMatchObject({
      field: 'params.minFullMembers',
      code: 'RULE_PARAM_INVALID',
    });
    const ok = await t.call<RuleInfo>('PATCH', '/api/v1/rules/B1.branch-too-few/params', {
      cookie: f.cookies.admin,
      body,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ params: { minFullMembers: 1 }, version: 1, isCustomized: true });
    const stale = await t.call('PATCH', '/api/v1/rules/B1.branch-too-few/params', {
      cookie: f.cookies.admin,
      body,
    });
    expect(stale.status).toBe(409);
    const after = await warnings(orgAdminA, '&rule=B1.branch-too-few');
    expect(after.body.items.map((w) => w.orgId)).not.toContain(f.branchA2.id);

    const audit = await t.call<{ items: { action: string; before: unknown; after: unknown }[] }>(
      'GET',
      '/api/v1/audit?action=rule.params',
      { cookie: f.cookies.admin },
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'rule.params.update',
      before: { minFullMembers: 3 },
      after: { minFullMembers: 1 },
    });

    const reset = await t.call<RuleInfo>('PATCH', '/api/v1/rules/B1.branch-too-few/params', {
      cookie: f.cookies.admin,
      body: { params: {}, reset: true, version: 1 },
    });
    expect(reset.body).toMatchObject({ params: { minFullMembers: 3 }, version: 2 });
    expect((await rule('B1.branch-too-few')).params).toEqual({ minFullMembers: 3 });
    expect(
      (await t.call('PATCH', '/api/v1/rules/NOPE.rule/params', { cookie: f.cookies.admin, body })).status,
    ).toBe(404);
  });

  it('merges nested parameters and refuses inconsistent ones', async () => {
    const current = await rule('B4.term-expiring');
    const res = await t.call<RuleInfo>('PATCH', '/api/v1/rules/B4.term-expiring/params', {
      cookie: f.cookies.admin,
      body: { params: { defaultYears: { branch: 4 } }, version: current.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.params).toMatchObject({
      defaultYears: { branch: 4, party_committee: 5 },
      warnDaysBefore: 90,
    });
    const unpaid = await rule('P4.unpaid-months');
    const inconsistent = await t.call('PATCH', '/api/v1/rules/P4.unpaid-months/params', {
      cookie: f.cookies.admin,
      body: { params: { warnMonths: 7 }, version: unpaid.version },
    });
    expect(inconsistent.status).toBe(400);
  });
});
