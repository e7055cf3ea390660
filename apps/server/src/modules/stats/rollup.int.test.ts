import { addDays, addYears, todayInShanghai } from '@zhibu/shared';
import type { Member, MemberStructureResponse, Org } from '@zhibu/shared/api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../access/scope.ts';
import { decodeId } from '../../lib/publicId.ts';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp } from '../../testing/testApp.ts';
import {
  foldMemberStats,
  rebuildMemberRollups,
  type StructureCount,
  selectMemberStructure,
  selectMemberStructureByScan,
} from './stats.queries.ts';
import { toMemberStructure } from './stats.service.ts';

let t: TestApp;
let f: CountyFixture;
let admin: string;
const today = todayInShanghai();

beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
  admin = f.cookies.admin;
});
afterAll(async () => t.close());

const idOf = (o: { id: string }) => decodeId(o.id) as number;

async function orgPath(org: Org): Promise<string> {
  const result = (await t.database.db.execute(
    sql`select path from orgs where id = ${idOf(org)}`,
  )) as unknown as {
    rows: { path: string }[];
  };
  return result.rows[0]?.path as string;
}

/** The summary as the scan computes it, shaped like the API's answer. */
async function scanned(org: Org | null): Promise<MemberStructureResponse> {
  const scope: Scope = { kind: 'all' };
  const subtreePath = org ? await orgPath(org) : undefined;
  const counts = await selectMemberStructureByScan(t.database.db, { scope, subtreePath, today });
  return toMemberStructure(counts, org ? { id: idOf(org), name: org.name } : null, today);
}

async function fromRollupUnfolded(org: Org): Promise<MemberStructureResponse> {
  const counts: StructureCount[] = await selectMemberStructure(t.database.db, {
    scope: { kind: 'all' },
    subtreePath: await orgPath(org),
    subtreeOrgId: idOf(org),
    today,
  });
  return toMemberStructure(counts, { id: idOf(org), name: org.name }, today);
}

const viaApi = async (org: Org | null) => {
  const res = await t.call<MemberStructureResponse>(
    'GET',
    `/api/v1/stats/members${org ? `?orgId=${org.id}` : ''}`,
    { cookie: admin },
  );
  expect(res.status).toBe(200);
  return res.body;
};

/** Every org of the fixture (and the whole register) answers the same from the rollup as from a scan. */
async function expectRollupMatchesScan(step: string) {
  const orgs = [f.county, f.townA, f.townB, f.branchA1, f.branchA2, f.branchB1];
  // Pending changes first (the read adds them), then folded (the API folds before reading).
  for (const org of orgs)
    expect(await fromRollupUnfolded(org), `${step}: ${org.name} pending`).toEqual(await scanned(org));
  for (const org of [...orgs, null])
    expect(await viaApi(org), `${step}: ${org?.name ?? 'all'}`).toEqual(await scanned(org));
}

async function rollupTable() {
  const result = (await t.database.db.execute(
    sql`select org_id, dimension, key, n from member_rollups where n <> 0 order by 1, 2, 3`,
  )) as unknown as { rows: unknown[] };
  return result.rows;
}

const patchMember = async (m: Member, body: Record<string, unknown>) => {
  const res = await t.call<Member>('PATCH', `/api/v1/members/${m.id}`, {
    cookie: admin,
    body: { ...body, version: m.version },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('member-structure rollup', () => {
  it('answers exactly as a scan of the register through every kind of write, and equals a rebuild', async () => {
    await expectRollupMatchesScan('fixture');

    // Births on each side of every age-band edge (the rollup splits those months by day).
    for (const [years, seq] of [
      [36, 301],
      [46, 303],
      [61, 305],
    ] as const) {
      const edge = addYears(today, -years);
      const dates = { joinedOn: addYears(edge, 20), confirmedOn: addYears(edge, 21) };
      for (const [org, birth] of [
        [f.branchA1, edge],
        [f.branchB1, addDays(edge, 1)],
        [f.branchA2, addDays(edge, -1)],
      ] as const) {
        await createMember(t, admin, org, { name: '边界', idNumber: citizenId(birth, seq), ...dates });
      }
    }
    await expectRollupMatchesScan('births at the band edges');

    // Edits of counted fields, a move between branches, a leave and a restore.
    const [first, second] = f.membersA1 as [Member, Member];
    // A new ID number re-derives gender and birth date.
    const edited = await patchMember(first, {
      idNumber: citizenId('1971-09-09', 402),
      education: '研究生',
      ethnicity: '回族',
    });
    const moved = await patchMember(second, { orgId: f.branchB1.id });
    await expectRollupMatchesScan('edits');
    const left = await t.call<Member>('POST', `/api/v1/members/${edited.id}/leave`, {
      cookie: admin,
      body: { leftOn: today, reason: 'suspended', version: edited.version },
    });
    expect(left.status).toBe(200);
    await expectRollupMatchesScan('left');
    const restored = await t.call<Member>('POST', `/api/v1/members/${edited.id}/restore`, {
      cookie: admin,
      body: { restoredOn: today, reason: '恢复党籍', version: left.body.version },
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(moved.orgId).toBe(f.branchB1.id);
    await expectRollupMatchesScan('restored');

    // An org's category is a dimension of its members; moving a subtree moves its counts.
    const a1 = (await t.call<Org>('GET', `/api/v1/orgs/${f.branchA1.id}`, { cookie: admin })).body;
    const recat = await t.call('PATCH', `/api/v1/orgs/${a1.id}`, {
      cookie: admin,
      body: { category: 'community', version: a1.version },
    });
    expect(recat.status).toBe(200);
    await expectRollupMatchesScan('category');
    const a2 = (await t.call<Org>('GET', `/api/v1/orgs/${f.branchA2.id}`, { cookie: admin })).body;
    // A pending change inside the subtree at the moment of the move is folded under the new path.
    await createMember(t, admin, f.branchA2, { name: '途中', idNumber: citizenId('1985-01-01', 307) });
    const move = await t.call('POST', `/api/v1/orgs/${a2.id}/move`, {
      cookie: admin,
      body: { parentId: f.townB.id, version: a2.version },
    });
    expect(move.status, JSON.stringify(move.body)).toBe(200);
    await expectRollupMatchesScan('moved subtree');

    // Reads never fold (a GET writes nothing); the server folds in the background, done here by hand.
    await foldMemberStats(t.database.db);
    const maintained = await rollupTable();
    await rebuildMemberRollups(t.database.db);
    expect(await rollupTable()).toEqual(maintained);
  });
});
