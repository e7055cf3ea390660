import type { ListOrgsResponse, Org } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillNameSearch } from '../../db/backfillNameSearch.ts';
import { createMember } from '../../testing/countyFixture.ts';
import { createTestApp, type TestApp } from '../../testing/testApp.ts';

// One tree for every search: the tests only read.
let t: TestApp;
let admin: string;
const byName = new Map<string, Org>();

async function createOrg(body: Record<string, unknown>): Promise<Org> {
  const res = await t.call<Org>('POST', '/api/v1/orgs', { cookie: admin, body });
  if (res.status !== 201) throw new Error(`create org failed: ${JSON.stringify(res.body)}`);
  byName.set(String(body.shortName ?? body.name), res.body);
  return res.body;
}

const BRANCHES: [string, string][] = [
  ['中共测试县城关镇长堰村支部委员会', '长堰村党支部'],
  ['中共测试县城关镇重庆路社区支部委员会', '重庆路社区党支部'],
  ['中共测试县城关镇乐清村支部委员会', '乐清村党支部'],
  ['中共测试县城关镇单县商会支部委员会', '单县商会党支部'],
  ['中共测试县城关镇曾家村支部委员会', '曾家村党支部'],
  ['中共测试县城关镇解放村支部委员会', '解放村党支部'],
  ['中共测试县城关镇朴村支部委员会', '朴村党支部'],
  ['中共测试县农村商业银行支部委员会', '农商银行党支部'],
  ['中共测试县行政审批局支部委员会', '行政审批局党支部'],
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminCookie();
  const county = await createOrg({
    parentId: null,
    name: '中共测试县委员会',
    shortName: '测试县委',
    type: 'party_committee',
    category: 'government',
  });
  const town = await createOrg({
    parentId: county.id,
    name: '中共测试县城关镇委员会',
    shortName: '城关镇党委',
    type: 'party_committee',
    category: 'rural',
  });
  for (const [name, shortName] of BRANCHES) {
    await createOrg({ parentId: town.id, name, shortName, type: 'branch', category: 'rural' });
  }
});
afterAll(async () => t.close());

async function search(q: string): Promise<string[]> {
  const res = await t.call<ListOrgsResponse>('GET', `/api/v1/orgs?q=${encodeURIComponent(q)}&limit=50`, {
    cookie: admin,
  });
  expect(res.status).toBe(200);
  return res.body.items.map((o) => o.shortName ?? o.name);
}

describe('org search by pinyin', () => {
  it('finds 长堰村 by initials and full pinyin from any syllable of the short or full name', async () => {
    expect(await search('cyc')).toEqual(['长堰村党支部']);
    expect(await search('changyan')).toEqual(['长堰村党支部']);
    expect(await search('CYCDZB')).toEqual(['长堰村党支部']); // short name's initials, any case
    expect(await search('yancun')).toEqual(['长堰村党支部']); // from the second syllable
  });

  it.each([
    ['zhangyan', '长堰村党支部'], // the other reading of 长
    ['chongqing', '重庆路社区党支部'],
    ['zhongqing', '重庆路社区党支部'],
    ['yueqing', '乐清村党支部'],
    ['shanxian', '单县商会党支部'],
    ['zengjia', '曾家村党支部'],
    ['zjc', '曾家村党支部'],
    ['jiefang', '解放村党支部'],
    ['xiefang', '解放村党支部'],
    ['piaocun', '朴村党支部'],
    ['pucun', '朴村党支部'],
    ['yinhang', '农商银行党支部'],
    ['xingzheng', '行政审批局党支部'],
    ['hangzheng', '行政审批局党支部'],
  ])('finds a polyphone under every reading: %s → %s', async (q, expected) => {
    expect(await search(q)).toContain(expected);
  });

  it('matches at a syllable start only, not inside one', async () => {
    // "angyan" is inside chang|yan but starts no syllable.
    expect(await search('angyan')).toEqual([]);
  });

  it('keeps the key in step when the short name changes', async () => {
    const org = byName.get('解放村党支部');
    if (!org) throw new Error('fixture');
    const res = await t.call<Org>('PATCH', `/api/v1/orgs/${org.id}`, {
      cookie: admin,
      body: { shortName: '新解放党支部', version: org.version },
    });
    expect(res.status).toBe(200);
    expect(await search('xjf')).toEqual(['新解放党支部']);
  });

  it('finds members by the pinyin of any syllable of their name, surname readings included', async () => {
    const branch = byName.get('曾家村党支部');
    if (!branch) throw new Error('fixture');
    await createMember(t, admin, branch, { name: '单田芳' });
    const res = await t.call<{ items: { name: string }[] }>('GET', '/api/v1/members?q=shantianfang', {
      cookie: admin,
    });
    expect(res.body.items.map((m) => m.name)).toEqual(['单田芳']);
    const byGiven = await t.call<{ items: { name: string }[] }>('GET', '/api/v1/members?q=tf', {
      cookie: admin,
    });
    expect(byGiven.body.items.map((m) => m.name)).toEqual(['单田芳']);
  });

  it('fills the key of rows written before it existed, at start', async () => {
    await t.database.db.execute(sql`UPDATE orgs SET name_search = ''`);
    expect(await search('cyc')).toEqual([]);
    expect(await backfillNameSearch(t.database.db)).toBeGreaterThanOrEqual(BRANCHES.length + 2);
    expect(await search('cyc')).toEqual(['长堰村党支部']);
    expect(await backfillNameSearch(t.database.db)).toBe(0);
  });
});
