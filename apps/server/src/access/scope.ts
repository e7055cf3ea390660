import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../lib/appError.ts';
import type { Actor } from './actor.ts';
import { type Action, roleCan } from './policy.ts';

/** Where an actor may perform an action: everywhere, or within these org subtrees. */
export type Scope = { kind: 'all' } | { kind: 'paths'; paths: string[] };

export function scopeFor(actor: Actor, action: Action): Scope {
  const paths: string[] = [];
  for (const a of actor.assignments) {
    if (!roleCan(a.role, action)) continue;
    if (a.orgPath === null) {
      if (a.role === 'admin') return { kind: 'all' };
      continue;
    }
    paths.push(a.orgPath);
  }
  // Drop paths already covered by a shorter one so the SQL stays small.
  const minimal = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  return { kind: 'paths', paths: [...new Set(minimal)] };
}

/** Throws FORBIDDEN when no role of the actor allows the action anywhere. */
export function requireScope(actor: Actor, action: Action): Scope {
  const scope = scopeFor(actor, action);
  if (scope.kind === 'paths' && scope.paths.length === 0) throw new AppError('FORBIDDEN');
  return scope;
}

export function isPathInScope(path: string, scope: Scope): boolean {
  return scope.kind === 'all' || scope.paths.some((p) => path.startsWith(p));
}

/** SQL condition restricting a path column to the scope; an empty scope matches no row. */
export function scopeCondition(column: PgColumn | SQL, scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.paths.length === 0) return sql`false`;
  // Paths hold only base-36 labels and slashes, so they never contain LIKE wildcards.
  const parts = scope.paths.map((p) => sql`${column} LIKE ${`${p}%`}`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}
