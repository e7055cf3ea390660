import type { Executor } from '../db/createDatabase.ts';
import { ruleParams } from '../modules/rules/rules.schema.ts';
import './index.ts';
import { allRules } from './ruleRegistry.ts';
import { isRuleInForce, type RuleDefinition, type RuleEvaluationContext, type Warning } from './ruleTypes.ts';

export interface StoredRuleParams {
  params: Record<string, unknown>;
  version: number;
  updatedBy: number | null;
  updatedAt: Date;
}

/** Parameter rows saved by administrators, by rule id. */
export async function loadStoredParams(db: Executor): Promise<Map<string, StoredRuleParams>> {
  const rows = await db.select().from(ruleParams);
  return new Map(rows.map((r) => [r.ruleId, r]));
}

/**
 * A rule's parameters in force: its defaults overlaid with what an administrator saved. Saved values
 * that no longer fit the schema (a rule changed after they were saved) fall back to the defaults.
 */
export function effectiveParams<P extends Record<string, unknown>>(
  rule: RuleDefinition<P>,
  stored: Record<string, unknown> | undefined,
): P {
  if (!stored) return rule.defaults;
  const merged = rule.paramsSchema.safeParse({ ...rule.defaults, ...stored });
  return merged.success ? merged.data : rule.defaults;
}

/** Parameters in force for one rule, read from the database. */
export async function paramsOf<P extends Record<string, unknown>>(
  db: Executor,
  rule: RuleDefinition<P>,
): Promise<P> {
  const stored = await loadStoredParams(db);
  return effectiveParams(rule, stored.get(rule.id)?.params);
}

const SEVERITY_ORDER = { violation: 0, warning: 1, info: 2 } as const;

export function compareWarnings(a: Warning, b: Warning): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.rule.localeCompare(b.rule) ||
    (a.orgId ?? '').localeCompare(b.orgId ?? '') ||
    (a.memberId ?? '').localeCompare(b.memberId ?? '')
  );
}

/**
 * Runs every rule in force on `today` that has an evaluator, each with its parameters in force,
 * over the reader's scope (and the subtree or member asked for); most urgent first.
 */
export async function evaluateWarnings(
  ctx: RuleEvaluationContext & { ruleIds?: readonly string[] },
): Promise<Warning[]> {
  const stored = await loadStoredParams(ctx.db);
  const rules = allRules().filter(
    (r) => r.evaluate && isRuleInForce(r, ctx.today) && (!ctx.ruleIds || ctx.ruleIds.includes(r.id)),
  );
  const found: Warning[] = [];
  // One at a time: the embedded engine has a single connection, and rules are few.
  for (const rule of rules) {
    const params = effectiveParams(rule, stored.get(rule.id)?.params);
    found.push(...((await rule.evaluate?.(ctx, params)) ?? []));
  }
  return found.sort(compareWarnings);
}
