import { todayInShanghai } from '@zhibu/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '../../lib/publicId.ts';
import { buildCountyFixture, type CountyFixture, createMember } from '../../testing/countyFixture.ts';
import { citizenId, createTestApp, type TestApp } from '../../testing/testApp.ts';
import { selectMemberStructure, selectMemberStructureByScan } from './stats.queries.ts';

// Concurrent sessions need a server: PGlite has one connection.
let t: TestApp;
let f: CountyFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildCountyFixture(t);
});
afterAll(async () => t.close());

describe('member-structure rollup under concurrent writes (PostgreSQL)', () => {
  it('counts a member added while another session changes the org’s category under the new category', async () => {
    const orgId = decodeId(f.branchA1.id) as number;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let categoryChanged: () => void = () => {};
    const changed = new Promise<void>((resolve) => {
      categoryChanged = resolve;
    });
    // Session 1 changes the category and keeps its transaction open …
    const recategorise = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update orgs set category = 'community' where id = ${orgId}`);
      categoryChanged();
      await held;
    });
    await changed;
    // … while session 2 adds a member to that org through the API.
    const adding = createMember(t, f.cookies.admin, f.branchA1, {
      name: '并发',
      idNumber: citizenId('1978-08-08', 501),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([recategorise, adding]);

    const query = { scope: { kind: 'all' as const }, today: todayInShanghai() };
    const category = (counts: { dimension: string; key: string | null; n: number }[]) =>
      Object.fromEntries(counts.filter((c) => c.dimension === 'category').map((c) => [c.key, c.n]));
    expect(category(await selectMemberStructure(t.database.db, query))).toEqual(
      category(await selectMemberStructureByScan(t.database.db, query)),
    );
  });
});
