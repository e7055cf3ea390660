import type { ImportReport, ListMembersResponse, Org } from '@zhibu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, createTestApp, type TestApp } from '../../testing/testApp.ts';
import { importThroughApi, workbookBuffer } from './testWorkbook.ts';

// How spreadsheets name an org: short name, 支部 for 党支部, with or without 中共 and the county.
let t: TestApp;
let admin: string;
const orgs: Record<string, Org> = {};

async function createOrg(key: string, body: Record<string, unknown>) {
  const res = await t.call<Org>('POST', '/api/v1/orgs', { cookie: admin, body });
  if (res.status !== 201) throw new Error(`create org failed: ${JSON.stringify(res.body)}`);
  orgs[key] = res.body;
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminCookie();
  const county = await createOrg('county', {
    parentId: null,
    name: '中共平安县委员会',
    shortName: '平安县委',
    type: 'party_committee',
    category: 'government',
  });
  for (const [key, name, shortName] of [
    ['town', '中共平安县城关镇委员会', '城关镇党委'],
    ['river', '中共平安县河口镇委员会', '河口镇党委'],
  ] as const) {
    await createOrg(key, {
      parentId: county.id,
      name,
      shortName,
      type: 'party_committee',
      category: 'rural',
    });
  }
  const branch = (parent: Org, name: string, shortName: string) => ({
    parentId: parent.id,
    name,
    shortName,
    type: 'branch',
    category: 'rural',
  });
  const town = orgs.town as Org;
  const river = orgs.river as Org;
  await createOrg('changyan', branch(town, '中共平安县城关镇长堰村支部委员会', '长堰村党支部'));
  await createOrg('hongqiTown', branch(town, '中共平安县城关镇红旗村支部委员会', '红旗村党支部'));
  await createOrg('hongqiRiver', branch(river, '中共平安县河口镇红旗村支部委员会', '红旗村党支部'));
});
afterAll(async () => t.close());

async function importFile(kind: 'orgs' | 'members', rows: unknown[][]): Promise<ImportReport> {
  const data = await workbookBuffer([{ rows }]);
  const job = await importThroughApi(t, kind, data, admin);
  expect(job.status, job.error ?? '').toBe('done');
  return job.report as ImportReport;
}

describe('org names in imports', () => {
  it('resolves a member row by short name, 支部 for 党支部, with or without 中共 and the county', async () => {
    const header = ['姓名', '所在党组织', '公民身份号码', '民族', '学历', '党员类型', '入党日期', '转正日期'];
    const typed = [
      '长堰村支部', // the case: stored short name is 长堰村党支部
      '平安县长堰村党支部', // county prefix on the short name
      '中共平安县城关镇长堰村党支部', // full name with 党支部 for 支部委员会
      '长堰村支部委员会',
      '平安县城关镇长堰村支部',
      '红旗村支部', // two 红旗村党支部: refused, naming both
      '长堰支部', // not a spelling of 长堰村: refused
    ];
    const rows = typed.map((org, i) => [
      `测试${i}`,
      org,
      citizenId('1980-01-02', 301 + 2 * i),
      '汉族',
      '大学本科',
      '正式党员',
      '2005-07-01',
      '2006-07-01',
    ]);
    const report = await importFile('members', [header, ...rows]);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, '所在党组织', 'ORG_AMBIGUOUS'],
      [8, '所在党组织', 'ORG_NOT_FOUND'],
    ]);
    expect(report.created).toBe(5);
    const ambiguous = report.errors[0]?.message ?? '';
    expect(ambiguous).toContain('中共平安县城关镇红旗村支部委员会');
    expect(ambiguous).toContain('中共平安县河口镇红旗村支部委员会');
    const inChangyan = await t.call<ListMembersResponse>(
      'GET',
      `/api/v1/members?orgId=${orgs.changyan?.id}`,
      {
        cookie: admin,
      },
    );
    expect(inChangyan.body.total).toBe(5);
  });

  it('resolves the org import parent column the same way', async () => {
    const report = await importFile('orgs', [
      ['组织名称', '上级组织', '组织类型', '组织类别'],
      ['长堰村第一党小组', '长堰村支部', '党小组', '农村'],
      ['红旗村第一党小组', '红旗村支部', '党小组', '农村'],
    ]);
    expect(report.created).toBe(1);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, '上级组织', 'ORG_AMBIGUOUS']]);
    const children = await t.call<{ items: Org[] }>('GET', `/api/v1/orgs?parentId=${orgs.changyan?.id}`, {
      cookie: admin,
    });
    expect(children.body.items.map((o) => o.name)).toEqual(['长堰村第一党小组']);
  });
});
