import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/createDatabase.ts';
import { settings } from '../../db/schema.ts';
import { rowsOf } from '../../lib/serviceContext.ts';

/** settings key written by every seed run: the data below that root org is fictional. */
export const DEMO_SETTING = 'demo_data';

export interface DemoMarker {
  rootOrgId: number;
  seededAt: string;
  description: string;
}

/** Marks the seeded tree as demo data (same transaction as nothing else: the seed is a bulk load). */
export async function markDemoData(db: Executor, marker: DemoMarker): Promise<void> {
  await db
    .insert(settings)
    .values({ key: DEMO_SETTING, value: marker })
    .onConflictDoUpdate({ target: settings.key, set: { value: marker, updatedAt: new Date() } });
}

/**
 * Whether the database holds seeded (fictional) data: the marker exists and its root org is still
 * there. The web app shows a 演示数据 badge and `zhibu start` a warning while this is true.
 */
export async function isDemoDataPresent(db: Executor): Promise<boolean> {
  const rows = rowsOf<{ present: boolean }>(
    await db.execute(sql`
      select exists (
        select 1 from settings s
        join orgs o on o.id = (s.value ->> 'rootOrgId')::bigint
        where s.key = ${DEMO_SETTING} and o.dissolved_on is null
      ) as present`),
  );
  return rows[0]?.present === true;
}
