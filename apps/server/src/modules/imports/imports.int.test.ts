import type { ImportJob, ImportReport, ListMembersResponse, ListOrgsResponse, Org } from '@zhibu/shared/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCountyFixture, type CountyFixture } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, SAME_ORIGIN, type TestApp } from '../../testing/testApp.ts';
import { MEMBER_COLUMNS, ORG_COLUMNS } from './templateColumns.ts';
import { multipartFile, readWorkbook, workbookBuffer } from './testWorkbook.ts';

let t: TestApp;
let f: CountyFixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterEach(async () => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function upload(kind: string, data: Buffer, cookie: string, mode = 'default', fileName = '名册.xlsx') {
  const { payload, headers } = multipartFile('file', fileName, data);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}?mode=${mode}`,
    payload,
    headers: { ...headers, cookie, origin: SAME_ORIGIN },
  });
}

async function waitForJob(id: string, cookie: string): Promise<ImportJob> {
  for (let i = 0; i < 1200; i += 1) {
    const res = await t.call<ImportJob>('GET', `/api/v1/imports/jobs/${id}`, { cookie });
    expect(res.status).toBe(200);
    if (res.body.status !== 'running') return res.body;
    await sleep(25);
  }
  throw new Error('import job did not finish');
}

/** Uploads and waits; returns the finished job's report. */
async function importFile(kind: 'orgs' | 'members', data: Buffer, cookie: string, mode = 'default') {
  const res = await upload(kind, data, cookie, mode);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json<ImportJob>();
  expect(started).toMatchObject({ kind, mode, status: 'running' });
  const job = await waitForJob(started.id, cookie);
  expect(job.status, job.error ?? '').toBe('done');
  expect(job.processed).toBe(job.total);
  return { job, report: job.report as ImportReport };
}

async function membersWithId(idNumber: string) {
  const res = await t.call<ListMembersResponse>('POST', '/api/v1/members/search', {
    cookie: f.cookies.admin,
    body: { includeLeft: true, idNumber },
  });
  return res.body.items;
}

// A messy real-world roster: a title row, columns in another order, 序号 and an unknown column.
const HEADER = [
  '序号',
  '姓名',
  '所在党组织',
  '公民身份号码',
  '性别',
  '出生日期',
  '民族',
  '学历',
  '党员类型',
  '入党日期',
  '转正日期',
  '联系电话',
  '备注',
  '爱好',
];
type RosterRow = Partial<Record<(typeof HEADER)[number], unknown>>;

function roster(rows: RosterRow[]): Promise<Buffer> {
  return workbookBuffer([
    {
      name: '花名册',
      rows: [
        ['中共测试县委员会党员花名册'],
        HEADER,
        ...rows.map((r, i) => HEADER.map((h) => (h === '序号' ? i + 1 : (r[h] ?? null)))),
      ],
      merges: ['A1:N1'],
    },
  ]);
}

/** Excel row of the i-th data row of `roster` (title on row 1, header on row 2). */
const excelRow = (i: number) => i + 3;

function idEndingInX(birthDate: string): string {
  for (let seq = 201; seq < 999; seq += 1) {
    const id = citizenId(birthDate, seq);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X');
}

const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function person(org: string, idNumber: unknown, overrides: RosterRow = {}): RosterRow {
  return {
    姓名: '测试人',
    所在党组织: org,
    公民身份号码: idNumber,
    民族: '汉族',
    学历: '大学本科',
    党员类型: '正式党员',
    入党日期: '2005-07-01',
    转正日期: '2006-07-01',
    联系电话: '13900139000',
    ...overrides,
  };
}

describe('member roster import', () => {
  it('imports the good rows of a messy roster and reports every bad one by row, column and code', async () => {
    const a1 = f.branchA1.name;
    const idA = citizenId('1980-01-02', 101);
    const idB = idEndingInX('1981-02-03');
    const idC = citizenId('1982-03-04', 102);
    const idD = citizenId('1983-04-05', 103);
    // Two orgs share the short name 三支部.
    for (const town of [f.townA, f.townB]) {
      await t.call<Org>('POST', '/api/v1/orgs', {
        cookie: f.cookies.admin,
        body: {
          parentId: town.id,
          name: `${town.name}第三党支部`,
          shortName: '三支部',
          type: 'branch',
          category: 'rural',
        },
      });
    }
    const rows: RosterRow[] = [
      // 0: +86 and hyphens in the phone, aliases for ethnicity and education, slash and dot dates.
      person(a1, idA, {
        姓名: '周 一',
        民族: '汉',
        学历: '本科',
        联系电话: '+86 138-0013-8001',
        入党日期: '2005/7/1',
        转正日期: '2006.07.01',
      }),
      // 1: lower-case x, org name padded with spaces, Chinese and Excel dates.
      person(` ${a1}\u3000`, idB.toLowerCase(), {
        姓名: '吴二',
        入党日期: '2005年7月1日',
        转正日期: new Date(Date.UTC(2006, 6, 1)),
      }),
      // 2: full-width digits in the ID number, matching gender and birth date given.
      person(a1, toFullWidth(idC), { 姓名: '郑三', 性别: '女', 出生日期: new Date(Date.UTC(1982, 2, 4)) }),
      person(a1, `${idA.slice(0, 17)}${idA.endsWith('0') ? '1' : '0'}`, { 姓名: '校验错' }), // 3
      person(a1, citizenId('1984-05-06', 105), { 姓名: '生日错', 出生日期: '1984-05-07' }), // 4
      person(a1, citizenId('1984-05-06', 107), { 姓名: '性别错', 性别: '女' }), // 5
      person(a1, citizenId('2000-05-06', 109), { 姓名: '未满十八', 入党日期: '2018-05-05', 转正日期: null }), // 6
      person(a1, citizenId('1984-05-06', 111), {
        姓名: '预备转正',
        党员类型: '预备党员',
        入党日期: '2025-01-01',
        转正日期: '2026-01-01',
      }), // 7
      person('不存在的支部', citizenId('1984-05-06', 113), { 姓名: '无组织' }), // 8
      person('三支部', citizenId('1984-05-06', 115), { 姓名: '组织不明' }), // 9
      person(a1, idA, { 姓名: '重复人' }), // 10
      person(a1, citizenId('1984-05-06', 117), { 姓名: '电话错', 联系电话: '12345' }), // 11
      person(a1, citizenId('1984-05-06', 119), { 姓名: '民族错', 民族: '火星族' }), // 12
      person(a1, 1.10105198405061e17, { 姓名: '数字号码' }), // 13
      {}, // 14: only 序号 — a blank row
      person(f.branchA2.name, idD, { 姓名: '王四', 备注: '=1+1' }), // 15
      person(a1, citizenId('1984-05-06', 121), {
        姓名: '公式错',
        学历: { formula: 'VLOOKUP(A1,B:C,2,0)', result: { error: '#N/A' } },
      }), // 16
    ];
    const file = await roster(rows);
    const { report } = await importFile('members', file, f.cookies.admin);
    if (process.env.DEBUG_IMPORT) console.log(JSON.stringify(report, null, 1));
    expect(report).toMatchObject({ total: 16, created: 4, updated: 0, unchanged: 0 });
    const expected: [number, string, string][] = [
      [3, '公民身份号码', 'ID_CHECKSUM'],
      [4, '出生日期', 'BIRTHDATE_MISMATCH'],
      [5, '性别', 'GENDER_MISMATCH'],
      [6, '入党日期', 'JOINED_UNDER_18'],
      [7, '转正日期', 'PROBATIONARY_CONFIRMED'],
      [8, '所在党组织', 'ORG_NOT_FOUND'],
      [9, '所在党组织', 'ORG_AMBIGUOUS'],
      [10, '公民身份号码', 'DUPLICATE_IN_FILE'],
      [11, '联系电话', 'PHONE_FORMAT'],
      [12, '民族', 'ETHNICITY_UNKNOWN'],
      [13, '公民身份号码', 'ID_FORMAT'],
      [16, '学历', 'CELL_ERROR'],
    ];
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual(
      expected.map(([i, column, code]) => [excelRow(i), column, code]),
    );
    const byRow = new Map(report.errors.map((e) => [e.row, e]));
    expect(byRow.get(excelRow(3))?.message).toBe(`第 ${excelRow(3)} 行「公民身份号码」：校验位错误`);
    expect(byRow.get(excelRow(9))?.message).toContain('三支部');
    expect(byRow.get(excelRow(9))?.message).toContain(`${f.townA.name}第三党支部`);
    expect(byRow.get(excelRow(10))?.message).toContain(`与第 ${excelRow(0)} 行`);
    expect(byRow.get(excelRow(13))?.message).toContain('文本');

    const [a] = await membersWithId(idA);
    expect(a).toMatchObject({
      name: '周一',
      ethnicity: '01',
      education: '20',
      joinedOn: '2005-07-01',
      confirmedOn: '2006-07-01',
    });
    expect(a?.phoneMasked).toBe('138****8001');
    const [b] = await membersWithId(idB);
    expect(b).toMatchObject({ name: '吴二', orgId: f.branchA1.id, confirmedOn: '2006-07-01' });
    expect(b?.idNumberMasked.endsWith('X')).toBe(true);
    expect((await membersWithId(idC))[0]).toMatchObject({ gender: 'female', birthDate: '1982-03-04' });
    expect((await membersWithId(idD))[0]).toMatchObject({ orgId: f.branchA2.id, remark: '=1+1' });

    // The same file again creates nothing: members match by ID number.
    const again = await importFile('members', file, f.cookies.admin);
    expect(again.report).toMatchObject({ total: 16, created: 0, updated: 0, unchanged: 4 });
    expect(again.report.errors).toEqual(report.errors);

    // A changed cell updates that member only.
    rows[0] = { ...rows[0], 联系电话: '13800138009' };
    const changed = await importFile('members', await roster(rows), f.cookies.admin);
    expect(changed.report).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect((await membersWithId(idA))[0]?.phoneMasked).toBe('138****8009');

    // The report as a workbook, for the person fixing the file.
    const xlsx = await t.call('GET', `/api/v1/imports/jobs/${changed.job.id}/report.xlsx`, {
      cookie: f.cookies.admin,
    });
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const sheet = (await readWorkbook(xlsx.body as unknown as Buffer)).get('错误报告');
    expect(sheet?.[0]).toEqual(['行号', '列', '错误码', '说明']);
    expect(sheet?.[1]).toEqual([
      excelRow(3),
      '公民身份号码',
      'ID_CHECKSUM',
      `第 ${excelRow(3)} 行「公民身份号码」：校验位错误`,
    ]);
  });

  it('writes nothing in atomic mode when any row is bad, and everything when none is', async () => {
    const a1 = f.branchA1.name;
    const ids = [citizenId('1970-01-01', 131), citizenId('1970-01-01', 133)];
    const bad = person(a1, citizenId('1970-01-01', 135), { 联系电话: 'abc' });
    const rejected = await importFile(
      'members',
      await roster([person(a1, ids[0] ?? ''), bad, person(a1, ids[1] ?? '')]),
      f.cookies.admin,
      'atomic',
    );
    expect(rejected.report).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 0 });
    expect(rejected.report.errors.map((e) => [e.row, e.code])).toEqual([[excelRow(1), 'PHONE_FORMAT']]);
    for (const id of ids) expect(await membersWithId(id)).toEqual([]);

    const accepted = await importFile(
      'members',
      await roster([person(a1, ids[0] ?? ''), person(a1, ids[1] ?? '')]),
      f.cookies.admin,
      'atomic',
    );
    expect(accepted.report).toMatchObject({ total: 2, created: 2, errors: [] });
    for (const id of ids) expect(await membersWithId(id)).toHaveLength(1);
  });

  it('writes nothing in a dry run but reports what would happen', async () => {
    const id = citizenId('1971-01-01', 141);
    const existing = f.membersA1[0];
    const file = await roster([
      person(f.branchA1.name, id),
      person(f.branchA1.name, id),
      // An existing member with a new phone: would be updated.
      person(f.branchA1.name, citizenId('1950-01-02', 11), { 姓名: existing?.name, 联系电话: '13700137000' }),
    ]);
    const { report } = await importFile('members', file, f.cookies.admin, 'dryRun');
    expect(report).toMatchObject({ total: 3, created: 1, updated: 1, unchanged: 0 });
    expect(report.errors.map((e) => e.code)).toEqual(['DUPLICATE_IN_FILE']);
    expect(await membersWithId(id)).toEqual([]);
    expect((await membersWithId(citizenId('1950-01-02', 11)))[0]?.phoneMasked).toBe('138****8000');
  });

  it("keeps an officer to their own branch and never reveals where another branch's member is", async () => {
    const mine = citizenId('1972-01-01', 151);
    const file = await roster([
      person(f.branchA1.name, mine),
      person(f.branchB1.name, citizenId('1972-01-01', 153)),
      person(f.branchA2.name, citizenId('1972-01-01', 155)),
      // 孙七 of branch B1, claimed for A1.
      person(f.branchA1.name, citizenId('1968-08-09', 45), { 姓名: '孙七' }),
    ]);
    const { job, report } = await importFile('members', file, f.cookies.officerA1);
    expect(report).toMatchObject({ total: 4, created: 1 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [excelRow(1), '所在党组织', 'ORG_NOT_FOUND'],
      [excelRow(2), '所在党组织', 'ORG_NOT_FOUND'],
      [excelRow(3), '公民身份号码', 'ID_NUMBER_TAKEN'],
    ]);
    const taken = report.errors.find((e) => e.code === 'ID_NUMBER_TAKEN')?.message ?? '';
    for (const where of [f.branchB1.name, f.townB.name, f.county.name]) expect(taken).not.toContain(where);
    expect((await membersWithId(citizenId('1968-08-09', 45)))[0]?.orgId).toBe(f.branchB1.id);

    // Only the job's creator and system administrators can see it.
    expect(
      (await t.call('GET', `/api/v1/imports/jobs/${job.id}`, { cookie: f.cookies.orgAdminA })).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/v1/imports/jobs/${job.id}`, { cookie: f.cookies.admin })).status).toBe(
      200,
    );
    expect((await t.call('GET', '/api/v1/imports/jobs/nonsense', { cookie: f.cookies.admin })).status).toBe(
      404,
    );

    // Roles without the import right are refused before the upload is read.
    expect((await upload('members', file, f.cookies.memberA1)).statusCode).toBe(403);
    expect((await upload('orgs', file, f.cookies.officerA1)).statusCode).toBe(403);
    expect((await upload('members', file, '')).statusCode).toBe(401);
  });

  it('rejects files that are not xlsx with FILE_INVALID, never a 500', async () => {
    const files: Buffer[] = [
      Buffer.from('姓名,公民身份号码\n张三,110105194912310029\n'),
      Buffer.from('PK\u0003\u0004 not really a zip'),
      (await roster([person(f.branchA1.name, citizenId('1973-01-01', 161))])).subarray(0, 900),
    ];
    for (const data of files) {
      const res = await upload('members', data, f.cookies.admin);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'FILE_INVALID' });
    }
    const json = await t.call('POST', '/api/v1/imports/members', {
      cookie: f.cookies.admin,
      body: { file: 'x' },
    });
    expect(json.status).toBe(415);
    const noHeader = await importFile(
      'members',
      await workbookBuffer([
        {
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
        },
      ]),
      f.cookies.admin,
    );
    expect(noHeader.report.errors.map((e) => e.code)).toEqual(['HEADER_NOT_FOUND']);
    const missing = await importFile(
      'members',
      await workbookBuffer([
        {
          rows: [
            ['姓名', '公民身份号码'],
            ['x', 'y'],
          ],
        },
      ]),
      f.cookies.admin,
    );
    expect(missing.report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, '党员类型', 'COLUMN_MISSING'],
      [1, '入党日期', 'COLUMN_MISSING'],
      [1, '所在党组织', 'COLUMN_MISSING'],
    ]);
  });
});

describe('templates', () => {
  it('downloads templates that parse back with exactly the template headers and import cleanly', async () => {
    for (const [kind, columns, sheetName] of [
      ['members', MEMBER_COLUMNS, '党员名册'],
      ['orgs', ORG_COLUMNS, '组织机构'],
    ] as const) {
      const res = await t.call('GET', `/api/v1/imports/templates/${kind}`, { cookie: f.cookies.officerA1 });
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('spreadsheetml');
      expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
      const sheets = await readWorkbook(res.body as unknown as Buffer);
      expect(sheets.get(sheetName)?.[0]).toEqual(columns.map((c) => c.header));
      expect([...sheets.keys()]).toContain('填写说明');
      const { report } = await importFile(kind, res.body as unknown as Buffer, f.cookies.admin, 'dryRun');
      expect(report).toEqual({ total: 0, created: 0, updated: 0, unchanged: 0, errors: [] });
    }
    expect((await t.call('GET', '/api/v1/imports/templates/users', { cookie: f.cookies.admin })).status).toBe(
      400,
    );
    expect((await t.call('GET', '/api/v1/imports/templates/members')).status).toBe(401);
  });
});

describe("people registered outside the caller's scope", () => {
  it('says only "registered elsewhere", a limited number of times, and then checks nothing more', async () => {
    // 22 people on branch B1's register, outside officer A1's scope.
    const theirs = Array.from({ length: 22 }, (_, i) => citizenId('1970-01-01', 301 + 2 * i));
    const seeded = await importFile(
      'members',
      await roster(theirs.map((id) => person(f.branchB1.name, id))),
      f.cookies.admin,
    );
    expect(seeded.report).toMatchObject({ created: 22, errors: [] });

    // Creating one of them by hand: the one sentence, no org named.
    const create = (idNumber: string) =>
      t.call('POST', '/api/v1/members', {
        cookie: f.cookies.officerA1,
        body: { orgId: f.branchA1.id, name: '试探', idNumber, status: 'full', joinedOn: '2000-01-01' },
      });
    const first = await create(theirs[0] as string);
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({
      code: 'ID_REGISTERED_ELSEWHERE',
      detail: '此人已在其他党组织登记，请办理组织关系转接',
    });
    for (const where of [f.branchB1.name, f.townB.name])
      expect(JSON.stringify(first.body)).not.toContain(where);

    // A dry run over the rest plus one new person: the allowance (20 an hour) runs out part-way,
    // and from then on no row outside the scope is answered, the new person included.
    const fresh = citizenId('1970-09-09', 901);
    const dry = await importFile(
      'members',
      await roster([...theirs.slice(1), fresh].map((id) => person(f.branchA1.name, id))),
      f.cookies.officerA1,
      'dryRun',
    );
    const codes = dry.report.errors.filter((e) => e.row > 0).map((e) => e.code);
    expect(codes).toEqual([...Array(19).fill('ID_NUMBER_TAKEN'), ...Array(3).fill('ID_CHECK_LIMIT')]);
    expect(dry.report.created).toBe(0);
    expect(dry.report.errors.find((e) => e.row === 0)?.code).toBe('ID_CHECK_LIMIT');
    expect(JSON.stringify(dry.report)).not.toContain(f.branchB1.name);

    // The allowance is the user's, not the file's: creating even a new person is now refused, alike.
    const blocked = await create(fresh);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'ID_CHECK_LIMIT' });
    expect((await create(theirs[5] as string)).body).toMatchObject({ code: 'ID_CHECK_LIMIT' });

    // Inside the caller's scope the answer may name the org.
    const mine = await create(citizenId('1950-01-02', 11)); // 李四, branch A1
    expect(mine.status).toBe(409);
    expect(mine.body).toMatchObject({ code: 'DUPLICATE_ID_NUMBER' });
    expect(String(mine.body.detail)).toContain(f.branchA1.name);

    // Every answer was counted in the audit log, with the ID number masked.
    const audit = await t.call<{ items: { action: string; after: { idNumberMasked: string } }[] }>(
      'GET',
      '/api/v1/audit?action=member.registered_elsewhere&pageSize=100',
      { cookie: f.cookies.admin },
    );
    expect(audit.body.items).toHaveLength(20);
    expect(audit.body.items.every((e) => /^\d{6}\*{8}\d{3}[\dX]$/.test(e.after.idNumberMasked))).toBe(true);
  });
});

describe('exports', () => {
  it('exports members with masked identifiers, and full ones that re-import unchanged', async () => {
    const masked = await t.call('GET', '/api/v1/members/export', { cookie: f.cookies.admin });
    // A static segment: not taken for /members/:id.
    expect(masked.status).toBe(200);
    expect(String(masked.headers['content-type'])).toContain('spreadsheetml');
    const rows = (await readWorkbook(masked.body as unknown as Buffer)).get('党员名册') ?? [];
    expect(rows[0]).toEqual(MEMBER_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(5);
    const idColumn = MEMBER_COLUMNS.findIndex((c) => c.field === 'idNumber');
    expect(rows.slice(1).every((r) => /^\d{6}\*{8}\d{3}[\dX]$/.test(String(r[idColumn])))).toBe(true);

    const filtered = await t.call(
      'GET',
      `/api/v1/members/export?orgId=${f.branchA1.id}&status=probationary`,
      {
        cookie: f.cookies.admin,
      },
    );
    expect(
      ((await readWorkbook(filtered.body as unknown as Buffer)).get('党员名册') ?? []).map((r) => r[0]),
    ).toEqual(['姓名', '王芳']);

    // A formula-like remark is escaped in the file and comes back as typed.
    await importFile(
      'members',
      await roster([person(f.branchA1.name, citizenId('1974-01-01', 171), { 备注: '=HYPERLINK("x")' })]),
      f.cookies.admin,
    );
    const full = await t.call('GET', '/api/v1/members/export?full=1', { cookie: f.cookies.admin });
    expect(full.status).toBe(200);
    const fullRows = (await readWorkbook(full.body as unknown as Buffer)).get('党员名册') ?? [];
    const remarkColumn = MEMBER_COLUMNS.findIndex((c) => c.field === 'remark');
    expect(fullRows.map((r) => r[remarkColumn])).toContain('\'=HYPERLINK("x")');
    expect(fullRows.map((r) => r[idColumn])).toContain(citizenId('1974-01-01', 171));

    // The full export re-imports unchanged: a dry run finds 0 errors and 0 changes, and so does a real run.
    const dry = await importFile('members', full.body as unknown as Buffer, f.cookies.admin, 'dryRun');
    expect(dry.report).toEqual({ total: 5, created: 0, updated: 0, unchanged: 5, errors: [] });
    const back = await importFile('members', full.body as unknown as Buffer, f.cookies.admin);
    expect(back.report).toEqual({ total: 5, created: 0, updated: 0, unchanged: 5, errors: [] });

    // The masked export cannot be imported, and every masked cell says so (not "wrong format").
    const again = await importFile('members', masked.body as unknown as Buffer, f.cookies.admin, 'dryRun');
    expect(again.report).toMatchObject({ total: 4, created: 0, updated: 0, unchanged: 0 });
    const maskedErrors = again.report.errors.filter((e) => e.column === '公民身份号码');
    expect(maskedErrors).toHaveLength(4);
    for (const e of maskedErrors) {
      expect(e.code).toBe('MASKED_VALUE');
      expect(e.message).toContain('已脱敏的值，无法导入');
    }
    expect(again.report.errors.filter((e) => e.column === '联系电话').map((e) => e.code)).toEqual(
      Array(4).fill('MASKED_VALUE'),
    );

    // Full identifiers need member.reveal and leave an audit entry.
    expect(
      (await t.call('GET', '/api/v1/members/export?full=1', { cookie: f.cookies.memberA1 })).status,
    ).toBe(403);
    const officer = await t.call('GET', '/api/v1/members/export?full=1', { cookie: f.cookies.officerA1 });
    // Branch A1: 李四, 王芳 and the one imported above.
    expect(((await readWorkbook(officer.body as unknown as Buffer)).get('党员名册') ?? []).length).toBe(4);
    const audit = await t.call<{ items: { action: string }[] }>(
      'GET',
      '/api/v1/audit?action=member.export&pageSize=50',
      {
        cookie: f.cookies.admin,
      },
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['member.export', 'member.export.full']),
    );
  });

  it('imports an org tree with forward references, and its export re-imports unchanged', async () => {
    const file = await workbookBuffer([
      {
        rows: [
          ['组织机构表'],
          ['序号', '上级组织', '组织名称', '组织简称', '组织类型', '组织类别', '成立日期'],
          [1, '丙镇党委', '丙一村党支部', '丙一支部', '支部', '农村', '2015年7月1日'],
          [2, f.county.shortName, '中共丙镇委员会', '丙镇党委', '基层党委', '农村', '2001/07/01'],
          [3, '丙一支部', '丙一村第一党小组', null, '党小组', '农村', null],
          [4, '丙一支部', '丙一村党总支', null, '党总支', '农村', null],
          [5, '丙一村党支部', '丙一村第一党小组', null, '党小组', '农村', null],
          [6, '没有这个党委', '丁村党支部', null, '党支部', '火星', '2099-01-01'],
          [7, '', '新的顶级党委', null, '基层党委', '机关', null],
        ],
      },
    ]);
    const { report } = await importFile('orgs', file, f.cookies.admin);
    expect(report).toMatchObject({ total: 7, created: 4, updated: 0, unchanged: 0 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [6, '组织类型', 'ORG_TYPE_NO_CHILDREN'],
      [7, '组织名称', 'DUPLICATE_IN_FILE'],
      [8, '组织类别', 'ORG_CATEGORY_UNKNOWN'],
      [8, '成立日期', 'DATE_IN_FUTURE'],
    ]);
    const again = await importFile('orgs', file, f.cookies.admin);
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 4 });

    const exported = await t.call('GET', '/api/v1/orgs/export', { cookie: f.cookies.admin });
    expect(exported.status).toBe(200);
    const rows = (await readWorkbook(exported.body as unknown as Buffer)).get('组织机构') ?? [];
    expect(rows[0]).toEqual(ORG_COLUMNS.map((c) => c.header));
    const back = await importFile('orgs', exported.body as unknown as Buffer, f.cookies.admin);
    expect(back.report).toEqual({
      total: rows.length - 1,
      created: 0,
      updated: 0,
      unchanged: rows.length - 1,
      errors: [],
    });

    // An org admin's export leaves the parent of their top org blank, and re-imports unchanged too.
    const scoped = await t.call('GET', '/api/v1/orgs/export', { cookie: f.cookies.orgAdminA });
    const scopedRows = (await readWorkbook(scoped.body as unknown as Buffer)).get('组织机构') ?? [];
    expect(scopedRows[0]?.[0]).toBe('组织名称');
    expect(
      scopedRows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([f.townA.name, f.branchA1.name, f.branchA2.name].sort());
    expect(scopedRows.find((r) => r[0] === f.townA.name)?.[2] ?? null).toBeNull();
    const scopedBack = await importFile('orgs', scoped.body as unknown as Buffer, f.cookies.orgAdminA);
    expect(scopedBack.report).toMatchObject({ created: 0, unchanged: 3, errors: [] });
  });

  it('imports 街道 and 乡镇 trees, failing only an unknown category and the rows below it, by name', async () => {
    const county = f.county.shortName;
    const file = await workbookBuffer([
      {
        rows: [
          ['上级组织', '组织名称', '组织简称', '组织类型', '组织类别'],
          [county, '中共城关街道工作委员会', '城关街道党工委', '党工委', '街道'],
          ['城关街道党工委', '东门社区党委', null, '党委', '社区（居委会）'],
          [county, '中共丁镇委员会', '丁镇党委', '基层党委', '镇'],
          ['丁镇党委', '丁一村党支部', null, '党支部', '建制村'],
          [county, '中共戊镇委员会', '戊镇党委', '基层党委', '乡镇机关'],
          ['戊镇党委', '戊一村党总支', null, '党总支', '农村'],
          ['戊一村党总支', '戊一村第一党支部', null, '党支部', '农村'],
          [county, '工业园区项目临时党委', null, '临时党委', '其他'],
          ['工业园区项目临时党委', '一标段临时党总支', null, '临时党总支', '其他'],
        ],
      },
    ]);
    const { report } = await importFile('orgs', file, f.cookies.admin);
    expect(report).toMatchObject({ total: 9, created: 6 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [6, '组织类别', 'ORG_CATEGORY_UNKNOWN'],
      [7, '上级组织', 'PARENT_ROW_FAILED'],
      [8, '上级组织', 'PARENT_ROW_FAILED'],
    ]);
    expect(report.errors[1]?.message).toContain('第 6 行');
    expect(report.errors[2]?.message).toContain('第 7 行');
    const orgs = await t.call<ListOrgsResponse>('GET', `/api/v1/orgs?parentId=${f.county.id}`, {
      cookie: f.cookies.admin,
    });
    const byName = new Map(orgs.body.items.map((o) => [o.name, o]));
    expect(byName.get('中共城关街道工作委员会')).toMatchObject({
      type: 'working_committee',
      category: 'street',
    });
    expect(byName.get('中共丁镇委员会')).toMatchObject({ category: 'township' });
    expect(byName.get('工业园区项目临时党委')).toMatchObject({
      type: 'temporary_committee',
      hasChildren: true,
    });
    expect(byName.has('中共戊镇委员会')).toBe(false);
  });

  it('refuses on import the type changes that the org form refuses', async () => {
    const header = ['上级组织', '组织名称', '组织类型', '组织类别'];
    const first = await workbookBuffer([
      {
        rows: [
          header,
          [f.townA.name, '甲五村党总支', '党总支', '农村'],
          ['甲五村党总支', '甲五村第一党支部', '党支部', '农村'],
        ],
      },
    ]);
    expect((await importFile('orgs', first, f.cookies.admin)).report).toMatchObject({
      created: 2,
      errors: [],
    });
    const second = await workbookBuffer([
      {
        rows: [
          header,
          [f.townA.name, '甲五村党总支', '党支部', '农村'],
          ['甲五村党总支', '甲五村第一党支部', '党委', '农村'],
        ],
      },
    ]);
    // The dry run predicts exactly what the real run refuses.
    const dry = await importFile('orgs', second, f.cookies.admin, 'dryRun');
    const { report } = await importFile('orgs', second, f.cookies.admin);
    expect(dry.report).toEqual(report);
    expect(report).toMatchObject({ updated: 0 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '组织类型', 'ORG_TYPE_CHANGE_INVALID'],
      [3, '组织类型', 'ORG_TYPE_NO_CHILDREN'],
    ]);
    expect(report.errors[0]?.message).toContain('下设有党支部');
  });

  it('keeps an org admin to their subtree when importing orgs', async () => {
    const file = await workbookBuffer([
      {
        rows: [
          ['组织名称', '上级组织', '组织类型', '组织类别'],
          ['甲三村党支部', f.townA.name, '党支部', '农村'],
          ['乙二村党支部', f.townB.name, '党支部', '农村'],
          ['另一个顶级党委', '', '基层党委', '机关'],
          ['甲四村党支部', '甲四村党支部', '党支部', '农村'],
        ],
      },
    ]);
    const { report } = await importFile('orgs', file, f.cookies.orgAdminA);
    expect(report).toMatchObject({ total: 4, created: 1 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '上级组织', 'ORG_NOT_FOUND'],
      [4, '上级组织', 'PARENT_REQUIRED'],
      [5, '上级组织', 'PARENT_IS_SELF'],
    ]);
  });
});
