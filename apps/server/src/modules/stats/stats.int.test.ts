import { ageOn, todayInShanghai } from '@zhibu/shared';
import type { MemberStructureResponse, StructureItem } from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  // Two more in township B: one of a minority with no education recorded, one who has left.
  await createMember(t, f.cookies.admin, f.branchB1, {
    name: '阿依古丽',
    idNumber: citizenId('1996-02-03', 56),
    ethnicity: '维吾尔族',
    education: null,
    joinedOn: '2020-07-01',
    confirmedOn: '2021-07-01',
  });
  const gone = await createMember(t, f.cookies.admin, f.branchB1, {
    name: '周八',
    idNumber: citizenId('1940-01-01', 67),
    joinedOn: '1965-07-01',
    confirmedOn: '1966-07-01',
  });
  const left = await t.call('POST', `/api/v1/members/${gone.id}/leave`, {
    cookie: f.cookies.admin,
    body: { leftOn: '2026-01-05', reason: 'death', version: gone.version },
  });
  expect(left.status).toBe(200);
});
afterAll(async () => t.close());

const structure = (cookie: string, orgId?: string) =>
  t.call<MemberStructureResponse>('GET', `/api/v1/stats/members${orgId ? `?orgId=${orgId}` : ''}`, {
    cookie,
  });
const countOf = (items: StructureItem[], code: string) => items.find((i) => i.code === code)?.count ?? 0;
const sum = (items: StructureItem[]) => items.reduce((s, i) => s + i.count, 0);

describe('member structure statistics', () => {
  it('counts a subtree by every dimension, members in the register only', async () => {
    const res = await structure(f.cookies.admin, f.county.id);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.org).toEqual({ id: f.county.id, name: f.county.name });
    expect(s.total).toBe(5);
    expect(s.byStatus.map((i) => [i.code, i.count])).toEqual([
      ['full', 4],
      ['probationary', 1],
    ]);
    expect(countOf(s.byGender, 'male')).toBe(3);
    expect(countOf(s.byGender, 'female')).toBe(2);
    for (const dimension of [s.byGender, s.byAgeBand, s.byEducation, s.byOrgCategory]) {
      expect(sum(dimension)).toBe(5);
    }
    expect(countOf(s.byEducation, '20')).toBe(4);
    expect(countOf(s.byEducation, 'unknown')).toBe(1);
    expect(s.byEducation.map((i) => i.code)).toEqual([
      '10',
      '20',
      '30',
      '40',
      '60',
      '70',
      '80',
      '90',
      'unknown',
    ]);
    expect(s.ethnicity).toEqual({
      han: 4,
      minority: 1,
      other: 0,
      unknown: 0,
      topMinorities: [{ code: '05', name: '维吾尔族', count: 1 }],
    });
    expect(countOf(s.byOrgCategory, 'rural')).toBe(5);

    const today = todayInShanghai();
    const band = (birth: string) => {
      const age = ageOn(birth, today);
      return age <= 35 ? 'le35' : age <= 45 ? '36to45' : age <= 60 ? '46to60' : 'ge61';
    };
    const expected = new Map<string, number>();
    for (const birth of ['1950-01-02', '1990-03-04', '1975-06-07', '1968-08-09', '1996-02-03']) {
      expected.set(band(birth), (expected.get(band(birth)) ?? 0) + 1);
    }
    for (const item of s.byAgeBand) expect(item.count).toBe(expected.get(item.code) ?? 0);
  });

  it('counts the caller’s scope when no org is given, and hides orgs outside it', async () => {
    const own = await structure(f.cookies.orgAdminA);
    expect(own.status).toBe(200);
    expect(own.body.org).toBeNull();
    expect(own.body.total).toBe(3);
    expect((await structure(f.cookies.orgAdminA, f.townA.id)).body.total).toBe(3);
    expect((await structure(f.cookies.officerA1, f.branchA1.id)).body.total).toBe(2);
    expect((await structure(f.cookies.orgAdminA, f.townB.id)).status).toBe(404);
    expect((await structure(f.cookies.orgAdminA, 'not-an-id')).status).toBe(404);
    expect((await structure(f.cookies.admin)).body.total).toBeGreaterThanOrEqual(5);
  });

  it('refuses callers without member.read and anonymous callers', async () => {
    expect((await structure(f.cookies.memberA1)).status).toBe(403);
    expect((await t.call('GET', '/api/v1/stats/members')).status).toBe(401);
  });

  // Last: it changes the fixture. A township's own branch re-filed under 乡镇 leaves 农村, and the
  // category counts still add up to the total.
  it('recounts the members of an org re-filed under 乡镇 or 街道', async () => {
    const before = (await structure(f.cookies.admin, f.county.id)).body;
    const refiled = await t.call('PATCH', `/api/v1/orgs/${f.branchA1.id}`, {
      cookie: f.cookies.admin,
      body: { category: 'township', version: f.branchA1.version },
    });
    expect(refiled.status).toBe(200);
    const after = (await structure(f.cookies.admin, f.county.id)).body;
    expect(after.total).toBe(before.total);
    expect(countOf(after.byOrgCategory, 'township')).toBe(2);
    expect(countOf(after.byOrgCategory, 'rural')).toBe(countOf(before.byOrgCategory, 'rural') - 2);
    expect(countOf(after.byOrgCategory, 'street')).toBe(0);
    expect(after.byOrgCategory.find((i) => i.code === 'township')?.name).toBe('乡镇');
    expect(sum(after.byOrgCategory)).toBe(after.total);
  });
});
