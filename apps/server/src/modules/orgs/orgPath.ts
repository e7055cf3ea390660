import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Materialized path of an org: its ancestors' and its own ids in base 36, e.g. `/1/k3/9a/`. */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id.toString(36)}/`;
}

/** The parent's path: `/1/k3/9a/` → `/1/k3/`; null for a root. */
export function parentPathOf(path: string): string | null {
  const cut = path.lastIndexOf('/', path.length - 2);
  return cut > 0 ? path.slice(0, cut + 1) : null;
}

/** Ids on a path, root first. */
export function idsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((label) => label.length > 0)
    .map((label) => Number.parseInt(label, 36));
}

/**
 * Rows whose path lies in the subtree at `pathExpr`, written as a range so it can use the
 * text_pattern_ops index even when the prefix comes from another row (LIKE cannot then).
 * Labels use only [0-9a-z] and '/', and '0' follows '/' in byte order.
 */
export function inSubtree(column: PgColumn | SQL, pathExpr: PgColumn | SQL): SQL {
  return sql`(${column} ~>=~ ${pathExpr} AND ${column} ~<~ (left(${pathExpr}, -1) || '0'))`;
}
