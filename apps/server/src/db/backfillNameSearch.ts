import { sql } from 'drizzle-orm';
import { pinyinSearchKey } from '../lib/pinyinKeys.ts';
import type { Db } from './createDatabase.ts';

const BATCH = 2000;

interface Target {
  table: 'orgs' | 'members' | 'development_people';
  isPersonName: boolean;
}

const TARGETS: readonly Target[] = [
  { table: 'orgs', isPersonName: false },
  { table: 'members', isPersonName: true },
  { table: 'development_people', isPersonName: true },
];

/**
 * Fills the pinyin search key (`name_search`) of rows written before it existed (migration 0017
 * adds it empty). SQL cannot compute pinyin, so this runs at start, after the migrations, in
 * batches; a database whose keys are all filled costs one indexless probe per table. Not audited:
 * the key is derived from the name, like `name_pinyin`, and changes no recorded fact.
 */
export async function backfillNameSearch(db: Db): Promise<number> {
  let filled = 0;
  for (const { table, isPersonName } of TARGETS) {
    const nameColumns = table === 'orgs' ? sql.raw('name, short_name') : sql.raw('name, NULL AS short_name');
    for (;;) {
      const { rows } = (await db.execute(
        sql`SELECT id, ${nameColumns} FROM ${sql.raw(table)} WHERE name_search = '' ORDER BY id LIMIT ${BATCH}`,
      )) as unknown as { rows: { id: string | number; name: string; short_name: string | null }[] };
      if (rows.length === 0) break;
      const values = sql.join(
        rows.map(
          (r) =>
            sql`(${Number(r.id)}::bigint, ${pinyinSearchKey([r.name, r.short_name], isPersonName) || ' '})`,
        ),
        sql`, `,
      );
      await db.execute(
        sql`UPDATE ${sql.raw(table)} AS t SET name_search = v.key FROM (VALUES ${values}) AS v(id, key) WHERE t.id = v.id`,
      );
      filled += rows.length;
    }
  }
  return filled;
}
