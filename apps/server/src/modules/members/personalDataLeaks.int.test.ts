import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { members } from '../../db/schema.ts';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, SAME_ORIGIN, type TestApp } from '../../testing/testApp.ts';
import { multipartFile, workbookBuffer } from '../imports/testWorkbook.ts';

// A GB 11643 ID number or a mainland mobile number standing alone (not inside a longer digit run
// such as a millisecond timestamp).
const CITIZEN_ID = /(?<![\d.])\d{17}[\dXx](?![\dA-Za-z])/;
const MOBILE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;

let t: TestApp;
let f: CountyFixture;
let logged: string[];

beforeEach(async () => {
  logged = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({}, { level: 'trace', stream });
  // A statement that fails with its parameters holding a password hash and a member's personal data.
  t.app.get('/test/failing-insert', async () => {
    await t.database.db.insert(members).values({
      orgId: 987654321,
      orgPath: '/x/',
      name: '泄露测试人',
      namePinyin: 'xielouceshiren',
      nameInitials: 'xlcsr',
      gender: 'male',
      idNumberEnc: 'ENCRYPTED-ID-SHOULD-NOT-BE-LOGGED',
      idNumberHash: 'HASH-SHOULD-NOT-BE-LOGGED',
      idNumberMasked: '110105********0011',
      birthDate: '1980-01-01',
      status: 'full',
      joinedOn: '2000-01-01',
      address: '幸福路 88 号 13912345678',
      remark: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    });
    return { ok: true };
  });
  f = await buildCountyFixture(t);
}, 120_000);
afterEach(async () => t.close());

function findLeaks(text: string): string[] {
  const leaks: string[] = [];
  for (const line of text.split('\n')) {
    if (CITIZEN_ID.test(line) || MOBILE.test(line)) leaks.push(line.slice(0, 400));
  }
  return leaks;
}

it('keeps full ID numbers and mobile numbers out of every log line and audit entry', async () => {
  const cookie = f.cookies.admin;
  const idNumber = citizenId('1979-02-03', 71);
  const phone = '13912345678';
  const roster = await workbookBuffer([
    {
      name: '名册',
      rows: [
        ['姓名', '公民身份号码', '党员类型', '入党日期', '所在党组织', '联系电话', '备注'],
        ['周九', idNumber, '正式党员', '2001-07-01', f.branchA1.name, phone, `手机 ${phone}`],
        // A bad row: the report quotes cells, the log must not.
        [
          '吴十',
          `${citizenId('1981-04-05', 13).slice(0, 17)}0`,
          '正式党员',
          '2001-07-01',
          f.branchA1.name,
          phone,
          null,
        ],
      ],
    },
  ]);
  for (const mode of ['dryRun', 'default']) {
    const { payload, headers } = multipartFile('file', '名册.xlsx', roster);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/members?mode=${mode}`,
      payload,
      headers: { ...headers, cookie, origin: SAME_ORIGIN },
    });
    expect(res.statusCode, res.body).toBe(202);
    const jobId = res.json<{ id: string }>().id;
    for (let i = 0; i < 2000; i += 1) {
      const job = await t.call<{ status: string }>('GET', `/api/v1/imports/jobs/${jobId}`, { cookie });
      if (job.body.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  // Searches: by ID number in a POST body, and the same attempted in URLs (refused, still logged).
  const found = await t.call<{ items: { name: string }[] }>('POST', '/api/v1/members/search', {
    cookie,
    body: { idNumber },
  });
  expect(found.body.items.map((m) => m.name)).toEqual(['周九']);
  expect((await t.call('GET', `/api/v1/members?idNumber=${idNumber}`, { cookie })).status).toBe(400);
  expect((await t.call('GET', `/api/v1/members?q=${phone}`, { cookie })).status).toBe(200);

  // Exports: masked, full (a reveal), and by POST with an ID-number filter.
  expect((await t.call('GET', '/api/v1/members/export', { cookie })).status).toBe(200);
  expect((await t.call('GET', '/api/v1/members/export?full=1', { cookie })).status).toBe(200);
  const byPost = await t.call('POST', '/api/v1/members/export', { cookie, body: { idNumber, full: true } });
  expect(byPost.status).toBe(200);
  expect((await t.call('GET', `/api/v1/members/export?full=1&idNumber=${idNumber}`, { cookie })).status).toBe(
    400,
  );

  // A failed insert is logged with its SQLSTATE and statement, never its parameters.
  const failed = await t.call('GET', '/test/failing-insert');
  expect(failed.status).toBe(500);
  const log = logged.join('');
  expect(log).toContain('"code":"23503"');
  expect(log).toContain('insert into \\"members\\"');
  for (const secret of ['泄露测试人', '幸福路', 'ENCRYPTED-ID', 'HASH-SHOULD', '$argon2id$']) {
    expect(log).not.toContain(secret);
  }

  expect(log).toContain('incoming request');
  expect(findLeaks(log)).toEqual([]);
  const audit = await t.database.db.execute(sql`select * from audit_log order by id`);
  const entries = (audit as unknown as { rows: unknown[] }).rows.map((r) => JSON.stringify(r));
  expect(entries.join('\n')).toContain('member.export.full');
  expect(entries.flatMap(findLeaks)).toEqual([]);
}, 180_000);
