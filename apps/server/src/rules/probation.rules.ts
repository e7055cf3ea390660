/**
 * 预备党员的教育考察和转正 (probation and conversion): shared/DOMAIN.md §2 D8, 2014 text of the
 * 中国共产党发展党员工作细则 第三十二、三十三条, with twins under the 2026 revision (see
 * development.rules.ts for how the two texts are held).
 *
 * Probation lasts one year from the branch assembly that admitted the member (入党日期); an
 * extension adds 6–12 months, once. The conversion date is the end of probation — also for a
 * member who transferred in during probation, whose conversion may be discussed up to 6 months
 * late. Party age counts from the conversion date.
 */
import { addDays, addMonths, addYears, ageOn } from '@zhibu/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { scopeCondition } from '../access/scope.ts';
import { members } from '../db/schema.ts';
import { encodeId } from '../lib/publicId.ts';
import { developmentPeople } from '../modules/development/development.schema.ts';
import { type Breach, overdueWarning, ruleOn, underBothTexts } from './development.rules.ts';
import { registerRules } from './ruleRegistry.ts';
import { membersInContext } from './ruleScope.ts';
import { citationText, type RuleEvaluationContext, type Warning } from './ruleTypes.ts';

const ARTICLE = '第三十二、三十三条';

/** Party age (党龄) in whole years on a day, counted from conversion; null before conversion. */
export function partyAgeOn(confirmedOn: string | null, on: string): number | null {
  if (!confirmedOn || on < confirmedOn) return null;
  return ageOn(confirmedOn, on);
}

/** End of probation: one year after admission, plus an approved extension. */
export function probationEndOf(joinedOn: string, extensionMonths: number | null): string {
  const end = addYears(joinedOn, 1);
  return extensionMonths ? addMonths(end, extensionMonths) : end;
}

/**
 * Last day on which the conversion is discussed on time: the end of probation; 6 months later for a
 * member who transferred in during probation (the conversion date stays the end of probation).
 */
export function conversionDueOn(
  probationEndsOn: string,
  isTransferredIn: boolean,
  params: { lateMonths: number },
) {
  return isTransferredIn ? addMonths(probationEndsOn, params.lateMonths) : probationEndsOn;
}

interface ProbationRow {
  memberId: number;
  orgId: number;
  name: string;
  joinedOn: string;
  probationEndsOn: string | null;
  isTransferredIn: boolean | null;
  lastStep: number | null;
}

async function probationaryMembers(ctx: RuleEvaluationContext): Promise<ProbationRow[]> {
  const p = developmentPeople;
  return ctx.db
    .select({
      memberId: members.id,
      orgId: members.orgId,
      name: members.name,
      joinedOn: members.joinedOn,
      probationEndsOn: p.probationEndsOn,
      isTransferredIn: p.isTransferredIn,
      lastStep: p.lastStep,
    })
    .from(members)
    .leftJoin(p, and(eq(p.memberId, members.id), eq(p.status, 'active')))
    .where(and(membersInContext(ctx), eq(members.status, 'probationary')));
}

/** Whether the branch assembly already discussed the conversion in the current round. */
function isDiscussed(row: ProbationRow): boolean {
  return row.lastStep !== null && row.lastStep >= 23;
}

export const PROBATION_ENDS_SOON = underBothTexts<{ daysBefore: number }>({
  id: 'D8.probation-ends-soon',
  title: '预备期即将届满，及时讨论转正',
  article: ARTICLE,
  severity: 'info',
  paramsSchema: z.object({ daysBefore: z.number().int().min(1).max(180) }),
  defaults: { daysBefore: 30 },
  evaluate: async (ctx, params) => {
    const rule = ruleOn(PROBATION_ENDS_SOON, ctx.today);
    const rows = await probationaryMembers(ctx);
    return rows.flatMap((row): Warning[] => {
      const end = row.probationEndsOn ?? probationEndOf(row.joinedOn, null);
      const from = addDays(end, -params.daysBefore);
      if (isDiscussed(row) || ctx.today < from || ctx.today > end) return [];
      return [
        {
          rule: rule.id,
          citation: citationText(rule.citation),
          severity: rule.severity,
          orgId: encodeId(row.orgId),
          memberId: encodeId(row.memberId),
          message: `预备党员“${row.name}”的预备期将于 ${end} 届满，请及时准备转正讨论`,
          since: from,
          due: end,
        },
      ];
    });
  },
});

export const CONVERSION_DUE = underBothTexts<{ lateMonths: number }>({
  id: 'D8.conversion-due',
  title: '预备期满及时讨论转正（转入的预备党员可推迟至多六个月）',
  article: ARTICLE,
  severity: 'warning',
  paramsSchema: z.object({ lateMonths: z.number().int().min(0).max(12) }),
  defaults: { lateMonths: 6 },
  evaluate: async (ctx, params) => {
    const rule = ruleOn(CONVERSION_DUE, ctx.today);
    const rows = await probationaryMembers(ctx);
    return rows.flatMap((row): Warning[] => {
      const end = row.probationEndsOn ?? probationEndOf(row.joinedOn, null);
      const due = conversionDueOn(end, row.isTransferredIn === true, params);
      if (isDiscussed(row) || due >= ctx.today) return [];
      const late = row.isTransferredIn ? `（转入的预备党员可推迟至 ${due}）` : '';
      return [
        overdueWarning(
          rule,
          { orgId: row.orgId, memberId: row.memberId },
          `预备党员“${row.name}”的预备期已于 ${end} 届满，尚未讨论转正${late}`,
          due,
        ),
      ];
    });
  },
});

/** D8: the branch assembly discusses conversion once probation has ended, not before. */
export const CONVERSION_NOT_EARLY = underBothTexts<Record<string, never>>({
  id: 'D8.conversion-after-probation',
  title: '预备期满后讨论转正',
  article: ARTICLE,
  severity: 'violation',
  paramsSchema: z.object({}),
  defaults: {},
});

export function checkConversionTiming(probationEndsOn: string, assemblyOn: string): Breach | null {
  if (assemblyOn >= probationEndsOn) return null;
  return {
    rule: ruleOn(CONVERSION_NOT_EARLY, assemblyOn),
    field: 'occurredOn',
    message: `预备期至 ${probationEndsOn} 届满，届满前不能讨论转正`,
  };
}

export const EXTENSION = underBothTexts<{ minMonths: number; maxMonths: number; maxTimes: number }>({
  id: 'D8.extension',
  title: '延长预备期一次，时间为六个月至一年',
  article: ARTICLE,
  severity: 'violation',
  paramsSchema: z.object({
    minMonths: z.number().int().min(1),
    maxMonths: z.number().int().min(1),
    maxTimes: z.number().int().min(1),
  }),
  defaults: { minMonths: 6, maxMonths: 12, maxTimes: 1 },
});

/** D8: 6–12 months (both ends allowed), and no second extension. */
export function checkExtension(
  months: number | null | undefined,
  extensionsSoFar: number,
  on: string,
  params: { minMonths: number; maxMonths: number; maxTimes: number },
): Breach | null {
  const rule = ruleOn(EXTENSION, on);
  if (extensionsSoFar >= params.maxTimes) {
    return { rule, field: 'decision', message: '预备期已经延长过一次，不能再次延长' };
  }
  if (!months || months < params.minMonths || months > params.maxMonths) {
    return {
      rule,
      field: 'extensionMonths',
      message: `延长预备期的时间应为${params.minMonths}至${params.maxMonths}个月`,
    };
  }
  return null;
}

export const CONVERSION_APPROVAL = underBothTexts<{ months: number }>({
  id: 'D8.conversion-approval',
  title: '上级党委在三个月内审批转正（延长、取消）决议',
  article: ARTICLE,
  severity: 'warning',
  paramsSchema: z.object({ months: z.number().int().min(1).max(12) }),
  defaults: { months: 3 },
  evaluate: async (ctx, params) => {
    const p = developmentPeople;
    const rows = await ctx.db
      .select({
        orgId: p.orgId,
        memberId: p.memberId,
        name: p.name,
        votedOn: p.conversionVotedOn,
      })
      .from(p)
      .where(
        and(
          eq(p.status, 'active'),
          eq(p.lastStep, 23),
          sql`${p.memberId} is not null`,
          ctx.subtreePath ? sql`${p.orgPath} like ${`${ctx.subtreePath}%`}` : sql`true`,
          ctx.memberId !== undefined ? eq(p.memberId, ctx.memberId) : sql`true`,
          scopeCondition(p.orgPath, ctx.scope),
        ),
      );
    return rows.flatMap((row): Warning[] => {
      if (!row.votedOn) return [];
      const rule = ruleOn(CONVERSION_APPROVAL, row.votedOn);
      const due = addMonths(row.votedOn, params.months);
      if (due >= ctx.today) return [];
      return [
        overdueWarning(
          rule,
          row,
          `“${row.name}”的转正决议（${row.votedOn}）应于 ${due} 前由上级党委审批，已超期`,
          due,
        ),
      ];
    });
  },
});

/** D8: the higher committee approves the conversion decision within 3 months of the branch assembly. */
export function checkConversionApproval(votedOn: string, approvedOn: string, params: { months: number }) {
  const due = addMonths(votedOn, params.months);
  if (approvedOn <= due) return null;
  const breach: Breach = {
    rule: ruleOn(CONVERSION_APPROVAL, votedOn),
    field: 'occurredOn',
    message: `应在支部党员大会（${votedOn}）后${params.months}个月内、即 ${due} 前审批；已超过期限，须由支部党员大会重新讨论`,
  };
  return breach;
}

registerRules(
  ...PROBATION_ENDS_SOON,
  ...CONVERSION_DUE,
  ...CONVERSION_NOT_EARLY,
  ...EXTENSION,
  ...CONVERSION_APPROVAL,
);
