import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/testDatabase.ts';

// PGlite runs in-process and has no connections to lose: the int-pglite project leaves this file out.
describe('PostgreSQL connection loss', () => {
  it('survives the server terminating idle connections and reconnects on the next query', async () => {
    const database = await createTestDatabase();
    try {
      await database.db.execute(sql`select 1`);
      const killer = await createTestDatabase();
      try {
        const dbName = (await database.db.execute(sql`select current_database() as name`)) as unknown as {
          rows: { name: string }[];
        };
        await killer.db.execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${dbName.rows[0]?.name ?? ''}`,
        );
      } finally {
        await killer.close();
      }
      // The idle client's 'error' event fires now; without a listener the process would crash.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = (await database.db.execute(sql`select 2 as n`)) as unknown as { rows: { n: number }[] };
      expect(again.rows[0]?.n).toBe(2);
    } finally {
      await database.close();
    }
  });
});
