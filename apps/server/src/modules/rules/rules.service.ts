import { todayInShanghai } from '@zhibu/shared';
import type { RuleInfo, RuleParamField, UpdateRuleParamsRequest } from '@zhibu/shared/api';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { requireScope } from '../../access/scope.ts';
import { users } from '../../db/schema.ts';
import { AppError, validationError } from '../../lib/appError.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { allRules, getRule } from '../../rules/index.ts';
import { effectiveParams, loadStoredParams, type StoredRuleParams } from '../../rules/ruleEngine.ts';
import { ruleFamily } from '../../rules/ruleFamilies.ts';
import { citationText, isRuleInForce, type RuleDefinition } from '../../rules/ruleTypes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ruleParams } from './rules.schema.ts';

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
}

function fieldOf(key: string, node: JsonSchemaNode, labelPrefix = ''): RuleParamField {
  const label = `${labelPrefix}${node.description ?? key}`;
  const base = { key, label, min: node.minimum ?? null, max: node.maximum ?? null, options: null };
  if (node.type === 'integer') return { ...base, type: 'integer' };
  if (node.type === 'number') return { ...base, type: 'number' };
  if (node.type === 'boolean') return { ...base, type: 'boolean' };
  if (node.type === 'string') return { ...base, type: 'string' };
  if (node.type === 'array' && node.items?.enum) {
    return { ...base, type: 'string[]', options: node.items.enum.map(String) };
  }
  return { ...base, type: 'json' };
}

/** Editable fields of a rule's parameters, one level of nesting flattened to `a.b` keys. */
export function paramFieldsOf(schema: z.ZodType): RuleParamField[] {
  let json: JsonSchemaNode;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  } catch {
    return [];
  }
  const fields: RuleParamField[] = [];
  for (const [key, node] of Object.entries(json.properties ?? {})) {
    if (node.type === 'object' && node.properties) {
      for (const [sub, subNode] of Object.entries(node.properties)) {
        fields.push(fieldOf(`${key}.${sub}`, subNode, `${node.description ?? key} · `));
      }
    } else fields.push(fieldOf(key, node));
  }
  return fields;
}

function toRuleInfo(
  rule: RuleDefinition,
  stored: StoredRuleParams | undefined,
  names: Map<number, string>,
  today: string,
): RuleInfo {
  return {
    id: rule.id,
    family: ruleFamily(rule.id),
    title: rule.title,
    citation: citationText(rule.citation),
    severity: rule.severity,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo ?? null,
    isInForce: isRuleInForce(rule, today),
    producesWarnings: typeof rule.evaluate === 'function',
    params: effectiveParams(rule, stored?.params),
    defaults: rule.defaults,
    isCustomized: stored !== undefined,
    fields: paramFieldsOf(rule.paramsSchema),
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    updatedBy: stored?.updatedBy ? (names.get(stored.updatedBy) ?? null) : null,
  };
}

async function userNames(ctx: ServiceContext, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every registered rule with its citation, dates and parameters in force; any signed-in reader of orgs. */
export async function listRules(ctx: ServiceContext): Promise<{ items: RuleInfo[] }> {
  requireScope(ctx.actor, 'org.read');
  const stored = await loadStoredParams(ctx.db);
  const names = await userNames(
    ctx,
    [...stored.values()].flatMap((s) => (s.updatedBy === null ? [] : [s.updatedBy])),
  );
  const today = todayInShanghai();
  const items = allRules()
    .map((r) => toRuleInfo(r, stored.get(r.id), names, today))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { items };
}

/**
 * Changes a rule's parameters for the whole deployment (system administrators only): merged over
 * those in force, validated by the rule's schema, versioned, audited with before and after.
 */
export async function updateRuleParams(
  ctx: ServiceContext,
  ruleId: string,
  input: UpdateRuleParamsRequest,
): Promise<RuleInfo> {
  const scope = requireScope(ctx.actor, 'rule.manage');
  if (scope.kind !== 'all') throw new AppError('FORBIDDEN', '只有系统管理员可以修改规则参数');
  const rule = getRule(ruleId);
  if (!rule) throw new AppError('NOT_FOUND', '规则不存在');
  return inTransaction(ctx, async (tx) => {
    const stored = (await loadStoredParams(tx.db)).get(rule.id);
    if ((stored?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const before = effectiveParams(rule, stored?.params);
    const merged = input.reset ? rule.defaults : mergeParams(before, input.params);
    const parsed = rule.paramsSchema.safeParse(merged);
    if (!parsed.success) {
      throw validationError(
        parsed.error.issues.map((issue) => ({
          field: ['params', ...issue.path.map(String)].join('.'),
          code: 'RULE_PARAM_INVALID',
          message: `参数${issue.path.length > 0 ? `“${issue.path.join('.')}”` : ''}不符合要求：${issue.message}`,
        })),
      );
    }
    const now = new Date();
    const values = {
      params: parsed.data,
      version: (stored?.version ?? 0) + 1,
      updatedBy: tx.actor.userId,
      updatedAt: now,
    };
    await tx.db
      .insert(ruleParams)
      .values({ ruleId: rule.id, ...values })
      .onConflictDoUpdate({ target: ruleParams.ruleId, set: values });
    await recordAudit(tx.db, tx.actor, {
      action: input.reset ? 'rule.params.reset' : 'rule.params.update',
      entityType: 'rule',
      entityId: rule.id,
      summary: `${input.reset ? '恢复' : '修改'}规则“${rule.id} ${rule.title}”的参数`,
      before,
      after: parsed.data,
    });
    const names = await userNames(tx, tx.actor.userId === null ? [] : [tx.actor.userId]);
    return toRuleInfo(
      rule,
      { params: parsed.data, version: values.version, updatedBy: tx.actor.userId, updatedAt: now },
      names,
      todayInShanghai(),
    );
  });
}

/** Shallow merge, one level deeper for nested objects (term lengths by type). */
function mergeParams(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const prev = out[k];
    out[k] =
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      prev !== null &&
      typeof prev === 'object' &&
      !Array.isArray(prev)
        ? { ...(prev as Record<string, unknown>), ...(v as Record<string, unknown>) }
        : v;
  }
  return out;
}
