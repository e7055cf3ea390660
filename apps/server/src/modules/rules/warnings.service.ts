import { todayInShanghai } from '@zhibu/shared';
import type {
  ListWarningsRequest,
  ListWarningsResponse,
  SeverityCounts,
  WarningItem,
  WarningSummaryResponse,
} from '@zhibu/shared/api';
import { requireScope, type Scope, scopeCondition } from '../../access/scope.ts';
import { orgs } from '../../db/schema.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import { getRule } from '../../rules/index.ts';
import { evaluateWarnings } from '../../rules/ruleEngine.ts';
import type { Warning } from '../../rules/ruleTypes.ts';
import { getMember, memberIdFrom } from '../members/members.service.ts';
import { loadOrgInScope, orgIdFrom } from '../orgs/orgs.service.ts';
import { lastAuditId, selectChildOrgs, selectMemberNames, selectOrgLabels } from './warnings.queries.ts';

/**
 * Warnings name members, so reading them takes `member.read` (officers, org admins, admins) and
 * they cover that scope; member-role accounts are refused. Org-level warnings follow the same
 * scope: every role holding `member.read` over a subtree also holds `org.read` over it.
 */
function warningScope(ctx: ServiceContext): Scope {
  return requireScope(ctx.actor, 'member.read');
}

function countBySeverity(items: readonly Warning[]): SeverityCounts {
  const counts = { info: 0, warning: 0, violation: 0 };
  for (const w of items) counts[w.severity] += 1;
  return counts;
}

/** `rule` is an id or a prefix of ids: P4, B4.term, P4.unpaid-months. */
function matchesRule(w: Warning, rule: string | undefined): boolean {
  return !rule || w.rule.startsWith(rule);
}

/** Warnings with the names of their rule, org and member, and the org's path (for grouping). */
export async function nameWarnings(
  ctx: ServiceContext,
  items: Warning[],
): Promise<(WarningItem & { orgPath: string | null })[]> {
  const orgIds = [...new Set(items.flatMap((w) => (w.orgId ? [decodeId(w.orgId)] : [])))].filter(
    (id): id is number => id !== null,
  );
  const memberIds = [...new Set(items.flatMap((w) => (w.memberId ? [decodeId(w.memberId)] : [])))].filter(
    (id): id is number => id !== null,
  );
  const orgLabels = new Map((await selectOrgLabels(ctx.db, orgIds)).map((o) => [encodeId(o.id), o]));
  const memberNames = new Map(
    (await selectMemberNames(ctx.db, memberIds)).map((m) => [encodeId(m.id), m.name]),
  );
  return items.map((w) => {
    const org = w.orgId ? orgLabels.get(w.orgId) : undefined;
    return {
      ...w,
      ruleTitle: getRule(w.rule)?.title ?? w.rule,
      orgName: org?.name ?? null,
      orgPath: org?.path ?? null,
      memberName: w.memberId ? (memberNames.get(w.memberId) ?? null) : null,
    };
  });
}

/** Evaluations kept per database: every write is audited, so the audit log's last id versions the data. */
const evaluations = new WeakMap<object, Map<string, Promise<Warning[]>>>();
const KEPT_EVALUATIONS = 16;

/**
 * evaluateWarnings, remembered until the next write anywhere (the audit log's last id changes
 * with every write and every login): paging through a county's warnings or expanding the tree
 * then costs one evaluation, not one per request.
 */
async function cachedWarnings(
  ctx: ServiceContext,
  input: { scope: Scope; subtreePath?: string; memberId?: number; today: string },
): Promise<Warning[]> {
  const version = await lastAuditId(ctx.db);
  const key = JSON.stringify([input.scope, input.subtreePath, input.memberId, input.today, version]);
  let kept = evaluations.get(ctx.db);
  if (!kept) {
    kept = new Map();
    evaluations.set(ctx.db, kept);
  }
  let found = kept.get(key);
  if (!found) {
    found = evaluateWarnings({ db: ctx.db, ...input });
    found.catch(() => kept.delete(key));
    kept.set(key, found);
    while (kept.size > KEPT_EVALUATIONS) kept.delete(kept.keys().next().value as string);
  }
  return found;
}

/** Warnings over the caller's scope (or one org's subtree, or one member), filtered and paged. */
export async function findWarnings(
  ctx: ServiceContext,
  query: ListWarningsRequest,
): Promise<ListWarningsResponse> {
  const scope = warningScope(ctx);
  const today = todayInShanghai();
  let subtreePath: string | undefined;
  if (query.orgId) subtreePath = (await loadOrgInScope(ctx, orgIdFrom(query.orgId), scope)).path;
  let memberId: number | undefined;
  if (query.memberId) {
    await getMember(ctx, query.memberId);
    memberId = memberIdFrom(query.memberId);
  }
  const all = (await cachedWarnings(ctx, { scope, subtreePath, memberId, today })).filter((w) =>
    matchesRule(w, query.rule),
  );
  const counts = countBySeverity(all);
  const filtered = query.severity ? all.filter((w) => w.severity === query.severity) : all;
  const start = (query.page - 1) * query.pageSize;
  return {
    items: (await nameWarnings(ctx, filtered.slice(start, start + query.pageSize))).map(
      ({ orgPath: _p, ...item }) => item,
    ),
    total: filtered.length,
    counts,
    evaluatedOn: today,
  };
}

/** Warning counts for each direct child of `parentId` (or each top org of the scope), for tree badges. */
export async function summarizeWarnings(
  ctx: ServiceContext,
  input: { parentId?: string },
): Promise<WarningSummaryResponse> {
  const scope = warningScope(ctx);
  const today = todayInShanghai();
  let children: { id: number; name: string; path: string }[];
  let subtreePath: string | undefined;
  const scopeWhere = scopeCondition(orgs.path, scope);
  if (input.parentId) {
    const parent = await loadOrgInScope(ctx, orgIdFrom(input.parentId), scope);
    subtreePath = parent.path;
    children = await selectChildOrgs(ctx.db, scopeWhere, parent.id);
  } else {
    children = await selectChildOrgs(
      ctx.db,
      scopeWhere,
      null,
      scope.kind === 'all' ? undefined : scope.paths,
    );
  }
  if (children.length === 0) return { items: [], evaluatedOn: today };
  const warnings = await cachedWarnings(ctx, { scope, subtreePath, today });
  const orgIds = [...new Set(warnings.flatMap((w) => (w.orgId ? [decodeId(w.orgId)] : [])))].filter(
    (id): id is number => id !== null,
  );
  const pathOf = new Map((await selectOrgLabels(ctx.db, orgIds)).map((o) => [encodeId(o.id), o.path]));
  const items = children.map((child) => {
    const inside = warnings.filter((w) =>
      w.orgId ? (pathOf.get(w.orgId) ?? '').startsWith(child.path) : false,
    );
    const counts = countBySeverity(inside);
    return { orgId: encodeId(child.id), orgName: child.name, ...counts, total: inside.length };
  });
  return { items, evaluatedOn: today };
}
