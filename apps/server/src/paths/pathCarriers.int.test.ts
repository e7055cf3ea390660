import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/createDatabase.ts';
import { rowsOf } from '../lib/serviceContext.ts';
import { createTestDatabase } from '../testing/testDatabase.ts';
import { PATH_CARRIERS } from './pathCarriers.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('every path column of the migrated schema is in the path registry, and every entry exists', async () => {
  const res = await database.db.execute(sql`
    select c.table_name as "table", c.column_name as "column"
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name like '%path%'
    order by 1, 2`);
  const inSchema = rowsOf<{ table: string; column: string }>(res).map((r) => `${r.table}.${r.column}`);
  const registered = PATH_CARRIERS.map((c) => `${c.table}.${c.path}`);
  const missing = inSchema.filter((k) => !registered.includes(k));
  expect(
    missing,
    `add these columns to PATH_CARRIERS in apps/server/src/paths/pathCarriers.ts (see README.md there): ${missing.join(', ')}`,
  ).toEqual([]);
  expect(registered.filter((k) => !inSchema.includes(k))).toEqual([]);
});

it('a member-owned carrier names columns that exist beside its path', async () => {
  for (const c of PATH_CARRIERS) {
    if (!c.member) continue;
    const res = await database.db.execute(sql`
      select column_name as "column" from information_schema.columns
      where table_schema = 'public' and table_name = ${c.table}`);
    const columns = rowsOf<{ column: string }>(res).map((r) => r.column);
    expect(columns, c.table).toEqual(expect.arrayContaining([c.member.id, c.member.orgId]));
  }
});
