import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../db/schema.ts';

/**
 * Parameters of a rule as tuned by an administrator (thresholds, frequencies). A rule without a
 * row uses the defaults in its code; the row holds the whole validated parameter object.
 */
export const ruleParams = pgTable('rule_params', {
  ruleId: text('rule_id').primaryKey(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
