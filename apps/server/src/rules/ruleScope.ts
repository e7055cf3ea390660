import { type SQL, sql } from 'drizzle-orm';
import { scopeCondition } from '../access/scope.ts';
import { members, orgs } from '../db/schema.ts';
import type { RuleEvaluationContext } from './ruleTypes.ts';

/** Orgs a rule looks at: in the reader's scope, in the requested subtree, not dissolved. */
export function orgsInContext(ctx: RuleEvaluationContext): SQL {
  const parts: SQL[] = [scopeCondition(orgs.path, ctx.scope), sql`${orgs.dissolvedOn} is null`];
  if (ctx.subtreePath) parts.push(sql`${orgs.path} like ${`${ctx.subtreePath}%`}`);
  return sql.join(parts, sql` and `);
}

/**
 * A member counts on `day` when admitted by then and not yet departed: a member who left on D is
 * counted before D and not from D on (DESIGN: statistics exclude the departed by date).
 */
export function isOnRegister(day: string, table: { joinedOn: unknown; leftOn: unknown } = members): SQL {
  return sql`(${table.joinedOn} <= ${day} and (${table.leftOn} is null or ${table.leftOn} > ${day}))`;
}

/** Members a rule looks at: in scope and subtree (and the one member asked for), on the register today. */
export function membersInContext(ctx: RuleEvaluationContext): SQL {
  const parts: SQL[] = [scopeCondition(members.orgPath, ctx.scope), isOnRegister(ctx.today)];
  if (ctx.subtreePath) parts.push(sql`${members.orgPath} like ${`${ctx.subtreePath}%`}`);
  if (ctx.memberId !== undefined) parts.push(sql`${members.id} = ${ctx.memberId}`);
  return sql.join(parts, sql` and `);
}

/** Count of members of an org's subtree on the register on `day` (optionally full members only). */
export function subtreeMemberCount(day: string, fullOnly: boolean): SQL<number> {
  const full = fullOnly ? sql` and m.status = 'full'` : sql``;
  return sql<number>`(select count(*)::int from members m where m.org_path ~>=~ orgs.path and m.org_path ~<~ (left(orgs.path, -1) || '0') and m.joined_on <= ${day} and (m.left_on is null or m.left_on > ${day})${full})`;
}
