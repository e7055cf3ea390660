import { addDays, addYears } from '@zhibu/shared';
import { and, eq, isNotNull, like, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { scopeCondition } from '../access/scope.ts';
import { members } from '../db/schema.ts';
import { type Finding, toWarning } from './finding.ts';
import { RULE_DOCUMENTS as DOC } from './ruleDocuments.ts';
import { registerRules } from './ruleRegistry.ts';
import type { RuleDefinition, RuleEvaluationContext } from './ruleTypes.ts';

// Status (DOMAIN.md §2 T3, 党员教育管理工作条例 2019). What the register can tell: how long a
// member has been under 停止党籍. Lost contact, settlement abroad and absence from organizational
// life are not recorded yet; 6 months without dues is P4.unpaid-months.

const SuspendedParams = z.object({
  years: z.number().int().min(1).max(10).describe('停止党籍满多少年仍无联系的，按自行脱党除名'),
  warnDaysBefore: z.number().int().min(0).max(365).describe('期满前多少天开始提醒'),
});
type SuspendedParams = z.infer<typeof SuspendedParams>;

export function checkSuspendedTooLong(
  m: { leftOn: string; name: string },
  p: SuspendedParams,
  today: string,
): Finding | null {
  const due = addYears(m.leftOn, p.years);
  if (today < addDays(due, -p.warnDaysBefore)) return null;
  if (today >= due) {
    return {
      severity: 'warning',
      message: `“${m.name}”自 ${m.leftOn} 起停止党籍已满 ${p.years} 年；如确实仍无法取得联系，应按自行脱党予以除名`,
      since: due,
      due,
    };
  }
  return {
    severity: 'info',
    message: `“${m.name}”自 ${m.leftOn} 起停止党籍，将于 ${due} 满 ${p.years} 年，届时仍无法取得联系的按自行脱党除名`,
    since: addDays(due, -p.warnDaysBefore),
    due,
  };
}

function suspendedInContext(ctx: RuleEvaluationContext): SQL | undefined {
  return and(
    scopeCondition(members.orgPath, ctx.scope),
    eq(members.leftReason, 'suspended'),
    isNotNull(members.leftOn),
    ctx.subtreePath ? like(members.orgPath, `${ctx.subtreePath}%`) : undefined,
    ctx.memberId === undefined ? undefined : eq(members.id, ctx.memberId),
  );
}

export const suspendedTooLong: RuleDefinition<SuspendedParams> = {
  id: 'T3.suspended-too-long',
  title: '停止党籍2年后仍无法取得联系的，按自行脱党除名',
  citation: { document: DOC.memberRegulation.name, article: '第二十四条' },
  severity: 'warning',
  effectiveFrom: DOC.memberRegulation.from,
  paramsSchema: SuspendedParams,
  defaults: { years: 2, warnDaysBefore: 30 },
  async evaluate(ctx, params) {
    const rows = await ctx.db
      .select({ id: members.id, orgId: members.orgId, name: members.name, leftOn: members.leftOn })
      .from(members)
      .where(suspendedInContext(ctx));
    return rows.flatMap((r) => {
      if (r.leftOn === null) return [];
      const finding = checkSuspendedTooLong({ leftOn: r.leftOn, name: r.name }, params, ctx.today);
      return finding ? [toWarning(suspendedTooLong, { orgId: r.orgId, memberId: r.id }, finding)] : [];
    });
  },
};

registerRules(suspendedTooLong as unknown as RuleDefinition);
