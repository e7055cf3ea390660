import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/**
 * CHECK that a code column holds a code of its shared code table (NULL passes, as SQL has it). The
 * list is written out literally so that drizzle-kit puts it in the migration, and a code added to
 * the table later shows up as a schema change that generates a new migration.
 */
export function codeCheck(name: string, column: AnyPgColumn | SQL, codes: readonly string[]) {
  if (codes.length === 0 || codes.some((c) => !/^[a-z0-9_]+$/.test(c))) {
    throw new Error(`codeCheck ${name}: codes must be non-empty and [a-z0-9_]`);
  }
  return check(
    name,
    sql`${column} in (${sql.raw(
      [...codes]
        .sort()
        .map((c) => `'${c}'`)
        .join(', '),
    )})`,
  );
}
