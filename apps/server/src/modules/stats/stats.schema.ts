import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { orgs } from '../../db/schema.ts';

/**
 * Dimensions the member-structure rollup counts. `birthMonth` (YYYY-MM) stands in for the age band,
 * which changes every day: the service splits the three months that straddle a band edge with an
 * exact count (see stats.queries.ts).
 */
export const ROLLUP_DIMENSIONS = [
  'status',
  'gender',
  'birthMonth',
  'education',
  'ethnicity',
  'category',
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/**
 * Every org's count of the members in its whole subtree (in the register), per dimension and key
 * ('' = not recorded). Written only by `zhibu_fold_member_stat_deltas()` and by org moves, so the
 * writers of members never wait on the hot rows of a province root.
 */
export const memberRollups = pgTable(
  'member_rollups',
  {
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    dimension: text('dimension').$type<RollupDimension>().notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.dimension, t.key] })],
);

/**
 * Changes to the counts not yet added up the tree, one row per (own org, dimension, key) and
 * statement, appended by statement triggers on `members` and `orgs` (migration 0008). A reader adds
 * the pending rows of its subtree to the rollup, so the answer is exact in its snapshot.
 */
export const memberStatDeltas = pgTable(
  'member_stat_deltas',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    dimension: text('dimension').$type<RollupDimension>().notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('member_stat_deltas_org_idx').on(t.orgId)],
);
