import type { z } from 'zod';
import type { Scope } from '../access/scope.ts';
import type { Executor } from '../db/createDatabase.ts';

/** Where a rule comes from: the document and article, shown with every warning and refusal. */
export interface Citation {
  /** e.g. 中国共产党发展党员工作细则 */
  document: string;
  /** e.g. 第五条 */
  article: string;
}

export function citationText(c: Citation): string {
  return `《${c.document}》${c.article}`;
}

export type Severity = 'info' | 'warning' | 'violation';

/** One warning (预警) as the check command, the API and the dashboards show it. */
export interface Warning {
  rule: string;
  citation: string;
  severity: Severity;
  orgId: string | null;
  memberId: string | null;
  message: string;
  /** Since when the condition holds (YYYY-MM-DD), when known. */
  since: string | null;
  /** When it must be dealt with (YYYY-MM-DD), when there is a deadline. */
  due: string | null;
}

/** What an evaluator may read: the database, the caller's scope (an org subtree) and today's date. */
export interface RuleEvaluationContext {
  db: Executor;
  scope: Scope;
  /** Restrict to this subtree (materialized path), within scope. */
  subtreePath?: string;
  /** Restrict to one member. */
  memberId?: number;
  today: string;
}

/**
 * A regulation as code. `params` are data (a province may tune thresholds without code);
 * `effectiveFrom/To` let two versions of a text coexist (e.g. 发展党员工作细则 2014 and 2026).
 */
export interface RuleDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  /** Short Chinese title, e.g. 入党申请人须年满十八周岁 */
  title: string;
  citation: Citation;
  severity: Severity;
  effectiveFrom: string;
  effectiveTo?: string;
  paramsSchema: z.ZodType<P>;
  defaults: P;
  /** Produces warnings over the data in context; rules that only guard actions omit it. */
  evaluate?(ctx: RuleEvaluationContext, params: P): Promise<Warning[]>;
}

export function isRuleInForce(
  rule: Pick<RuleDefinition, 'effectiveFrom' | 'effectiveTo'>,
  on: string,
): boolean {
  return rule.effectiveFrom <= on && (rule.effectiveTo === undefined || on < rule.effectiveTo);
}
