import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from './testing/countyFixture.ts';
import { createTestApp, SAME_ORIGIN, type TestApp } from './testing/testApp.ts';

// The cases of issue 11 defect 11, one by one: each answered 500 before the request schemas refused
// control characters, unpaired surrogates, impossible dates and implausible values.
let t: TestApp;
let f: CountyFixture;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  cookie = f.cookies.admin;
}, 120_000);
afterAll(async () => t.close());

type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

const get = (url: string) => t.call<Problem>('GET', url, { cookie });
const post = (url: string, body: unknown) => t.call<Problem>('POST', url, { cookie, body });

function member() {
  const m = f.membersA1[0];
  if (!m) throw new Error('fixture has no member');
  return m;
}

describe('filters in query strings', () => {
  it.each([
    ['/api/v1/members?q=a%00b', '关键词'],
    ['/api/v1/members?education=%00', '学历'],
    ['/api/v1/orgs?q=%00', '关键词'],
    ['/api/v1/audit?action=%00', '操作'],
    ['/api/v1/audit?username=a%00', '用户名'],
    ['/api/v1/users?q=%00', '关键词'],
  ])('%s → 400 naming the field', async (url, label) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.detail).toBe(`${label}含有不可见的控制字符，请删除后重新填写`);
    expect(res.body.errors?.[0]).toMatchObject({ code: 'CONTROL_CHARACTER' });
  });

  it.each([
    ['to=9999-99-99', '日期不存在'],
    ['from=2026-13-01', '日期不存在'],
    ['to=9999-12-31', '日期应在 1900-01-01 至 2100-12-31 之间'],
  ])('audit?%s → 400, not a RangeError', async (query, detail) => {
    const res = await get(`/api/v1/audit?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(detail);
  });

  it('reads includeLeft / includeDissolved as booleans: "false" is false, anything else is refused', async () => {
    const plain = await t.call<{ total: number }>('GET', '/api/v1/members', { cookie });
    const no = await t.call<{ total: number }>('GET', '/api/v1/members?includeLeft=false', { cookie });
    expect(no.status).toBe(200);
    expect(no.body.total).toBe(plain.body.total);
    expect((await get('/api/v1/members?includeLeft=%00')).status).toBe(400);
    expect((await get('/api/v1/orgs?includeDissolved=%07')).status).toBe(400);
    expect((await get('/api/v1/orgs?includeDissolved=true')).status).toBe(200);
  });

  it('still lists the audit log within real dates', async () => {
    expect((await get('/api/v1/audit?from=2020-01-01&to=2100-12-31')).status).toBe(200);
  });
});

describe('free text in bodies', () => {
  it('refuses NUL in the login username with 400, not 500', async () => {
    const res = await t.call<Problem>('POST', '/api/v1/auth/login', {
      body: { username: 'a\u0000b', password: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('用户名含有不可见的控制字符，请删除后重新填写');
  });

  it('refuses an unpaired surrogate in a leave note (stored as JSON) and leaves the member on the register', async () => {
    const m = member();
    const res = await post(`/api/v1/members/${m.id}/leave`, {
      leftOn: '2026-01-05',
      reason: 'death',
      note: 'a\ud800b',
      version: m.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({
      field: 'note',
      message: '说明含有无效的字符（不成对的代理项），请重新输入',
    });
    const after = await t.call<{ leftOn: string | null }>('GET', `/api/v1/members/${m.id}`, { cookie });
    expect(after.body.leftOn).toBeNull();
  });

  it('refuses NUL in an org name on update', async () => {
    const res = await t.call<Problem>('PATCH', `/api/v1/orgs/${f.branchA1.id}`, {
      cookie,
      body: { name: '第一\u0000支部', version: f.branchA1.version },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('组织名称含有不可见的控制字符，请删除后重新填写');
  });

  it('keeps line breaks in multi-line remarks', async () => {
    const m = member();
    const res = await t.call<{ remark: string }>('PATCH', `/api/v1/members/${m.id}`, {
      cookie,
      body: { remark: '第一行\n第二行', version: m.version },
    });
    expect(res.status).toBe(200);
  });

  it('refuses NUL and surrogates in working-day calendar names (stored as JSON)', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/development/calendar/2027',
      headers: { cookie, origin: SAME_ORIGIN },
      payload: {
        source: '国办发明电〔2026〕1号',
        days: [{ date: '2027-01-01', kind: 'day_off', name: '元旦\ud800' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().detail).toBe('节日名称含有无效的字符（不成对的代理项），请重新输入');
  });
});

describe('plausible ranges', () => {
  it('refuses an org founded on 9999-12-31', async () => {
    const res = await post('/api/v1/orgs', {
      parentId: f.townA.id,
      name: '未来党支部',
      type: 'branch',
      category: 'rural',
      establishedOn: '9999-12-31',
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^成立日期应在 1921-07-01 至 \d{4}-\d{2}-\d{2} 之间$/);
    expect(res.body.errors?.[0]).toMatchObject({ field: 'establishedOn', code: 'DATE_OUT_OF_RANGE' });
  });

  it('refuses a transfer dated 1900-01-01', async () => {
    const res = await post('/api/v1/transfers', {
      memberId: member().id,
      toOrgId: f.branchB1.id,
      reason: 'work_change',
      issuedOn: '1900-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^发起日期应在 1949-10-01 至 /);
  });

  it('refuses a payment of 2³¹ fen', async () => {
    const res = await post('/api/v1/dues/payments', {
      memberId: member().id,
      kind: 'extra',
      amountFen: 2 ** 31,
      paidOn: '2026-01-05',
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('单笔金额不超过 1000 万元');
  });

  it('refuses a version beyond a 32-bit integer instead of failing in the database', async () => {
    const res = await t.call<Problem>('PATCH', `/api/v1/orgs/${f.branchA1.id}`, {
      cookie,
      body: { name: '第一党支部', version: 2 ** 31 },
    });
    expect(res.status).toBe(400);
  });
});

describe('what the database still refuses', () => {
  it('answers a duplicate org code with 409 DUPLICATE_ORG_CODE, not 500', async () => {
    const body = { parentId: f.townA.id, type: 'branch', category: 'rural', code: '110105000123' };
    const first = await post('/api/v1/orgs', { ...body, name: '甲党支部' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const res = await post('/api/v1/orgs', { ...body, name: '乙党支部' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE_ORG_CODE');
  });
});
