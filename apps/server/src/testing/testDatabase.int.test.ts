import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/createDatabase.ts';
import { createTestDatabase, testEngine } from './testDatabase.ts';

/** Rows of a raw `db.execute` result; node-postgres and PGlite both return `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The database error a statement failed with (drizzle wraps it in a DrizzleQueryError's `cause`). */
async function failure(statement: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await statement;
  } catch (error) {
    return ((error as { cause?: unknown }).cause ?? error) as { code?: string; message: string };
  }
  throw new Error('the statement was expected to fail');
}

async function insertOrg(database: Database, path: string, name: string): Promise<number> {
  const result = await database.db.execute(sql`
    INSERT INTO orgs (parent_id, path, depth, name, name_pinyin, name_initials, type, category)
    VALUES (NULL, ${path}, ${path.split('/').length - 2}, ${name}, ${name}, ${name}, 'branch', 'rural')
    RETURNING id`);
  return Number(rowsOf<{ id: number | string }>(result)[0]?.id);
}

describe('createTestDatabase', () => {
  let database: Database;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.close();
  });

  it('runs on the engine the project names', () => {
    expect(process.env.ZHIBU_TEST_ENGINE).toMatch(/^(pglite|postgres)$/);
    expect(database.engine).toBe(process.env.ZHIBU_TEST_ENGINE);
    expect(testEngine()).toBe(database.engine);
  });

  it('writes and reads an org with raw SQL, and the database starts empty', async () => {
    const before = rowsOf<{ n: number | string }>(
      await database.db.execute(sql`SELECT count(*) AS n FROM orgs`),
    );
    expect(Number(before[0]?.n)).toBe(0);

    const id = await insertOrg(database, '/1/', '第一党支部');
    const rows = rowsOf<{ id: number | string; name: string; path: string; version: number }>(
      await database.db.execute(sql`SELECT id, name, path, version FROM orgs WHERE id = ${id}`),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '第一党支部', path: '/1/', version: 1 });
  });

  it('refuses UPDATE and DELETE on audit_log (append-only trigger)', async () => {
    await database.db.execute(sql`INSERT INTO audit_log (action, summary) VALUES ('test.insert', 'first')`);
    const update = await failure(database.db.execute(sql`UPDATE audit_log SET summary = 'changed'`));
    expect(update.code).toBe('23001'); // restrict_violation, raised by zhibu_refuse_change()
    expect(update.message).toMatch(/append-only/);
    const remove = await failure(database.db.execute(sql`DELETE FROM audit_log`));
    expect(remove.message).toMatch(/append-only/);
    const rows = rowsOf<{ summary: string }>(await database.db.execute(sql`SELECT summary FROM audit_log`));
    expect(rows).toEqual([{ summary: 'first' }]);
  });

  it('finds a subtree with a LIKE prefix on path', async () => {
    await insertOrg(database, '/1/', '县委');
    await insertOrg(database, '/1/k3/', '镇党委');
    await insertOrg(database, '/1/k3/9a/', '村党支部');
    await insertOrg(database, '/1/k4/', '另一镇党委');
    await insertOrg(database, '/1k/', '前缀相似但不在子树');
    const prefix = '/1/k3/';
    const rows = rowsOf<{ path: string }>(
      await database.db.execute(sql`SELECT path FROM orgs WHERE path LIKE ${prefix} || '%' ORDER BY path`),
    );
    expect(rows.map((r) => r.path)).toEqual(['/1/k3/', '/1/k3/9a/']);
  });

  it('gives each test its own database', async () => {
    const other = await createTestDatabase();
    try {
      await insertOrg(database, '/1/', 'A');
      const rows = rowsOf<{ n: number | string }>(
        await other.db.execute(sql`SELECT count(*) AS n FROM orgs`),
      );
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await other.close();
    }
  });
});
