import { addDays, todayInShanghai } from '@zhibu/shared';
import type { ListMembersResponse, Member } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

const list = (cookie: string, query = '') =>
  t.call<ListMembersResponse>('GET', `/api/v1/members?pageSize=100${query}`, { cookie });

describe('member register', () => {
  it('lists a subtree with masked identifiers and every item carrying id and orgId', async () => {
    const res = await list(f.cookies.admin, `&orgId=${f.townA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    for (const m of res.body.items) {
      expect(m.id).toBeTruthy();
      expect([f.branchA1.id, f.branchA2.id]).toContain(m.orgId);
      expect(m.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(m.phoneMasked).toBe('138****8000');
      expect(JSON.stringify(m)).not.toContain('13800138000');
    }
  });

  it('finds by name substring, by pinyin initials and by exact ID number', async () => {
    expect(
      (await list(f.cookies.admin, `&q=${encodeURIComponent('芳')}`)).body.items.map((m) => m.name),
    ).toEqual(['王芳']);
    expect((await list(f.cookies.admin, '&q=ls')).body.items.map((m) => m.name)).toEqual(['李四']);
    // By ID number only with POST: a URL holding it would reach logs and browser history.
    const search = (idNumber: string) =>
      t.call<ListMembersResponse>('POST', '/api/v1/members/search', {
        cookie: f.cookies.admin,
        body: { idNumber, pageSize: 100 },
      });
    const byId = await search(citizenId('1975-06-07', 33));
    expect(byId.body.items.map((m) => m.name)).toEqual(['赵六']);
    const inUrl = await list(f.cookies.admin, `&idNumber=${citizenId('1975-06-07', 33)}`);
    expect(inUrl.status).toBe(400);
    expect(JSON.stringify(inUrl.body)).toContain('公民身份号码不能放在网址中');
    expect(JSON.stringify(inUrl.body)).not.toContain(citizenId('1975-06-07', 33));
    // Lower-case x and spaces are normalized before the keyed-hash look-up.
    const member = await createMember(t, f.cookies.admin, f.branchB1, {
      name: '钱八',
      idNumber: '11010519491231002X',
    });
    const lower = await search(' 11010519491231002x ');
    expect(lower.body.items.map((m) => m.id)).toEqual([member.id]);
  });

  it('filters by status, gender and age band', async () => {
    expect((await list(f.cookies.admin, '&status=probationary')).body.items.map((m) => m.name)).toEqual([
      '王芳',
    ]);
    const old = await list(f.cookies.admin, '&ageMin=61');
    expect(old.body.items.map((m) => m.name)).toEqual(['李四']);
    const mid = await list(f.cookies.admin, '&ageMin=36&ageMax=60');
    expect(mid.body.items.map((m) => m.name).sort()).toEqual(['孙七', '王芳', '赵六'].sort());
    const women = await list(f.cookies.admin, '&gender=female');
    expect(women.body.items.every((m) => m.gender === 'female')).toBe(true);
  });

  it('pages an org’s subtree in name order; an empty page of an org in scope is not a 404', async () => {
    const page = (query: string) =>
      t.call<ListMembersResponse>('GET', `/api/v1/members?orgId=${f.townA.id}&pageSize=2&${query}`, {
        cookie: f.cookies.orgAdminA,
      });
    const first = await page('page=1');
    const second = await page('page=2');
    expect(first.body.total).toBe(3);
    expect([...first.body.items, ...second.body.items].map((m) => m.name)).toEqual(['李四', '王芳', '赵六']);
    expect((await page('page=3')).body).toEqual({ items: [], total: 3 });
    const none = await page('page=1&q=nobodyhere');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ items: [], total: 0 });
  });

  it('pages the list', async () => {
    const page1 = await t.call<ListMembersResponse>('GET', '/api/v1/members?page=1&pageSize=2', {
      cookie: f.cookies.admin,
    });
    const page2 = await t.call<ListMembersResponse>('GET', '/api/v1/members?page=2&pageSize=2', {
      cookie: f.cookies.admin,
    });
    expect(page1.body.total).toBe(4);
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(2);
    expect(new Set([...page1.body.items, ...page2.body.items].map((m) => m.id)).size).toBe(4);
    // Past the last page: no rows, and still the total (counted on its own then).
    const beyond = await t.call<ListMembersResponse>('GET', '/api/v1/members?page=9&pageSize=2', {
      cookie: f.cookies.admin,
    });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toEqual({ items: [], total: 4 });
    const none = await t.call<ListMembersResponse>('GET', '/api/v1/members?q=nobodyhere', {
      cookie: f.cookies.admin,
    });
    expect(none.body).toEqual({ items: [], total: 0 });
  });

  it.each([
    ['checksum', { idNumber: '110105198005170011' }, 'idNumber', 'ID_CHECKSUM'],
    [
      'gender against ID',
      { idNumber: citizenId('1980-05-17', 13), gender: 'female' },
      'gender',
      'GENDER_MISMATCH',
    ],
    [
      'birth date against ID',
      { idNumber: citizenId('1980-05-17', 13), birthDate: '1980-05-18' },
      'birthDate',
      'BIRTHDATE_MISMATCH',
    ],
    [
      'joined before 18',
      { idNumber: citizenId('2000-05-17', 13), joinedOn: '2018-05-16', confirmedOn: null },
      'joinedOn',
      'JOINED_UNDER_18',
    ],
    // A month ahead: the rule's own message; years ahead the request schema refuses (DATE_RANGES.history).
    [
      'joined in the future',
      { joinedOn: addDays(todayInShanghai(), 30), confirmedOn: null },
      'joinedOn',
      'JOINED_IN_FUTURE',
    ],
    [
      'probationary with a confirmed date',
      { status: 'probationary', joinedOn: '2026-01-01', confirmedOn: '2026-02-01' },
      'confirmedOn',
      'PROBATIONARY_CONFIRMED',
    ],
    [
      'confirmed before joined',
      { joinedOn: '2010-01-01', confirmedOn: '2009-01-01' },
      'confirmedOn',
      'CONFIRMED_BEFORE_JOINED',
    ],
    ['unknown ethnicity', { ethnicity: '火星族' }, 'ethnicity', 'ETHNICITY_UNKNOWN'],
    ['bad phone', { phone: '12345' }, 'phone', 'PHONE_FORMAT'],
  ])('refuses %s with a field error', async (_label, overrides, field, code) => {
    const res = await t.call('POST', '/api/v1/members', {
      cookie: f.cookies.admin,
      body: {
        orgId: f.branchA1.id,
        name: '测试',
        idNumber: citizenId('1980-05-17', 13),
        status: 'full',
        joinedOn: '2005-07-01',
        ...overrides,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION' });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(String(res.body.detail)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts short forms and stores codes (汉 → 01, 本科 → 20)', async () => {
    const m = await createMember(t, f.cookies.admin, f.branchA1, { ethnicity: '汉', education: '本科' });
    expect(m.ethnicity).toBe('01');
    expect(m.education).toBe('20');
  });

  it('keeps one member per ID number', async () => {
    const res = await t.call('POST', '/api/v1/members', {
      cookie: f.cookies.admin,
      body: {
        orgId: f.branchB1.id,
        name: '重复',
        idNumber: citizenId('1950-01-02', 11),
        status: 'full',
        joinedOn: '1980-01-01',
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE_ID_NUMBER');
  });

  it('edits with a version and answers 409 to a stale one', async () => {
    const m = f.membersA1[0] as Member;
    const ok = await t.call<Member>('PATCH', `/api/v1/members/${m.id}`, {
      cookie: f.cookies.admin,
      body: { workUnit: '村委会', version: m.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.workUnit).toBe('村委会');
    expect(ok.body.version).toBe(m.version + 1);
    const stale = await t.call('PATCH', `/api/v1/members/${m.id}`, {
      cookie: f.cookies.admin,
      body: { workUnit: 'x', version: m.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('records leaving as a reduction, never a deletion, and keeps the timeline', async () => {
    const m = f.membersA1[0] as Member;
    const left = await t.call<Member>('POST', `/api/v1/members/${m.id}/leave`, {
      cookie: f.cookies.admin,
      body: { leftOn: '2026-01-05', reason: 'death', note: '病故', version: m.version },
    });
    expect(left.status).toBe(200);
    expect(left.body.leftReason).toBe('death');
    expect((await list(f.cookies.admin)).body.items.map((x) => x.id)).not.toContain(m.id);
    expect((await list(f.cookies.admin, '&includeLeft=true')).body.items.map((x) => x.id)).toContain(m.id);
    const again = await t.call('PATCH', `/api/v1/members/${m.id}`, {
      cookie: f.cookies.admin,
      body: { remark: 'x', version: left.body.version },
    });
    expect(again.body.code).toBe('MEMBER_LEFT');
    const events = await t.call<{ items: { kind: string; occurredOn: string }[] }>(
      'GET',
      `/api/v1/members/${m.id}/events`,
      { cookie: f.cookies.admin },
    );
    expect(events.body.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['joined', 'confirmed', 'registered', 'left']),
    );
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from members where id is not null`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(4);
  });

  it('reveals a full ID number only on request, and audits the reveal without storing it', async () => {
    const m = f.membersA1[0] as Member;
    const res = await t.call<{ value: string }>('POST', `/api/v1/members/${m.id}/reveal`, {
      cookie: f.cookies.officerA1,
      body: { field: 'idNumber' },
    });
    expect(res.status).toBe(200);
    expect(res.body.value).toBe(citizenId('1950-01-02', 11));
    const audit = await t.database.db.execute(
      sql`select action, before::text as b, after::text as a, summary from audit_log`,
    );
    const entries = (
      audit as unknown as {
        rows: { action: string; b: string | null; a: string | null; summary: string | null }[];
      }
    ).rows;
    expect(entries.some((e) => e.action === 'member.reveal')).toBe(true);
    const everything = JSON.stringify(entries);
    expect(everything).not.toContain(citizenId('1950-01-02', 11));
    expect(everything).not.toContain('13800138000');
  });

  it('stores identifiers encrypted at rest', async () => {
    const res = await t.database.db.execute(sql`select id_number_enc, phone_enc from members`);
    for (const row of (res as unknown as { rows: { id_number_enc: string; phone_enc: string }[] }).rows) {
      expect(row.id_number_enc.startsWith('v1:')).toBe(true);
      expect(row.id_number_enc).not.toMatch(/\d{17}/);
      expect(row.phone_enc).not.toContain('138');
    }
  });
});
