/**
 * 组织关系转接 (transfers): shared/DOMAIN.md §2 T1, 中国共产党党员教育管理工作条例 (2019; in force
 * from the date in ruleDocuments.ts, whose day is not verified). The validity of a
 * letter (介绍信: generally 30 days, at most 3 months) follows the article on transfers in DOMAIN.md
 * without an article number of its own, so it cites the document only.
 *
 * "Valid 30 days" from the day of issue D means valid through addDays(D, 30); "at most 3 months"
 * means valid through addMonths(D, 3) at the latest.
 */
import { addDays, addMonths } from '@zhibu/shared';
import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { scopeCondition } from '../access/scope.ts';
import { encodeId } from '../lib/publicId.ts';
import { transfers } from '../modules/transfers/transfers.schema.ts';
import type { Breach } from './development.rules.ts';
import { RULE_DOCUMENTS } from './ruleDocuments.ts';
import { registerRules } from './ruleRegistry.ts';
import { citationText, type RuleDefinition, type RuleEvaluationContext, type Warning } from './ruleTypes.ts';

export const EDUCATION_DOCUMENT = RULE_DOCUMENTS.memberRegulation.name;
export const EDUCATION_2019_FROM = RULE_DOCUMENTS.memberRegulation.from;

type ValidityParams = { defaultDays: number; maxMonths: number };

export const LETTER_VALIDITY: RuleDefinition<ValidityParams> = {
  id: 'T1.letter-validity',
  title: '组织关系介绍信有效期一般为30天，最长不超过3个月',
  citation: { document: EDUCATION_DOCUMENT, article: '' },
  severity: 'violation',
  effectiveFrom: EDUCATION_2019_FROM,
  paramsSchema: z.object({
    defaultDays: z.number().int().min(1).max(90),
    maxMonths: z.number().int().min(1).max(12),
  }),
  defaults: { defaultDays: 30, maxMonths: 3 },
};

export function defaultValidUntil(issuedOn: string, params: ValidityParams): string {
  return addDays(issuedOn, params.defaultDays);
}

/** T1: valid from the day of issue through at most addMonths(issue, 3). */
export function checkLetterValidity(
  issuedOn: string,
  validUntil: string,
  params: ValidityParams,
): Breach | null {
  if (validUntil < issuedOn) {
    return { rule: LETTER_VALIDITY, field: 'validUntil', message: '有效期不能早于开具日期' };
  }
  const latest = addMonths(issuedOn, params.maxMonths);
  if (validUntil <= latest) return null;
  return {
    rule: LETTER_VALIDITY,
    field: 'validUntil',
    message: `介绍信有效期最长不超过${params.maxMonths}个月（${issuedOn} 开具，最迟至 ${latest}）`,
  };
}

/** Pending: not yet accepted, returned, receipted or cancelled. */
export const PENDING_STATUSES = ['initiated', 'issued'] as const;

export const TRANSFER_OVERDUE: RuleDefinition<Record<string, never>> = {
  id: 'T1.transfer-overdue',
  title: '组织关系转接超过介绍信有效期仍未办结',
  citation: { document: EDUCATION_DOCUMENT, article: '' },
  severity: 'warning',
  effectiveFrom: EDUCATION_2019_FROM,
  paramsSchema: z.object({}),
  defaults: {},
  evaluate: async (ctx: RuleEvaluationContext): Promise<Warning[]> => {
    const t = transfers;
    const sides: SQL[] = [
      and(sql`${t.fromOrgPath} is not null`, scopeCondition(t.fromOrgPath, ctx.scope)) as SQL,
      and(sql`${t.toOrgPath} is not null`, scopeCondition(t.toOrgPath, ctx.scope)) as SQL,
    ];
    const parts: SQL[] = [
      inArray(t.status, [...PENDING_STATUSES]),
      sql`${t.validUntil} < ${ctx.today}`,
      or(...sides) as SQL,
    ];
    if (ctx.subtreePath) {
      const prefix = `${ctx.subtreePath}%`;
      parts.push(sql`(${t.fromOrgPath} like ${prefix} or ${t.toOrgPath} like ${prefix})`);
    }
    if (ctx.memberId !== undefined) parts.push(sql`${t.memberId} = ${ctx.memberId}`);
    const rows = await ctx.db
      .select({
        kind: t.kind,
        memberId: t.memberId,
        memberName: t.memberName,
        fromOrgId: t.fromOrgId,
        fromOrgPath: t.fromOrgPath,
        toOrgId: t.toOrgId,
        fromName: t.fromName,
        toName: t.toName,
        validUntil: t.validUntil,
        letterNo: t.letterNo,
      })
      .from(t)
      .where(and(...parts));
    const rule = TRANSFER_OVERDUE;
    return rows.map((row) => {
      const senderSees =
        row.fromOrgPath !== null &&
        (ctx.scope.kind === 'all' || ctx.scope.paths.some((p) => row.fromOrgPath?.startsWith(p)));
      const orgId = senderSees ? row.fromOrgId : (row.toOrgId ?? row.fromOrgId);
      const what =
        row.kind === 'out'
          ? `转往“${row.toName}”的介绍信${row.letterNo ? `（${row.letterNo}）` : ''}已于 ${row.validUntil} 到期，回执仍未退回`
          : `从“${row.fromName}”转往“${row.toName}”的组织关系已超过有效期（${row.validUntil}）仍未接收`;
      return {
        rule: rule.id,
        citation: citationText(rule.citation),
        severity: rule.severity,
        orgId: orgId === null ? null : encodeId(orgId),
        memberId: row.memberId === null ? null : encodeId(row.memberId),
        message: `${row.memberName}：${what}`,
        since: addDays(row.validUntil, 1),
        due: row.validUntil,
      };
    });
  },
};

registerRules(LETTER_VALIDITY, TRANSFER_OVERDUE);
