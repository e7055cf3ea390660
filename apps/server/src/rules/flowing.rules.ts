/**
 * 流动党员 and 停止党籍 (flowing members and suspension): shared/DOMAIN.md §2 T1–T3, 中国共产党党员
 * 教育管理工作条例 (2019). T1 cites 第二十五条, T3 第二十四、三十一条 (as DOMAIN.md gives them); T2
 * has no article number in DOMAIN.md and cites the document only.
 *
 * Periods: "≥ 6 months" since D is reached on addMonths(D, 6); "abroad > 5 years" since D from the
 * day after addYears(D, 5). Two years under 停止党籍 → 自行脱党除名 is status.rules.ts
 * (T3.suspended-too-long, over the register), so it is not repeated here.
 */
import { addDays, addMonths, addYears } from '@zhibu/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { scopeCondition } from '../access/scope.ts';
import { orgs } from '../db/schema.ts';
import { encodeId } from '../lib/publicId.ts';
import { flowingRecords } from '../modules/flowing/flowing.schema.ts';
import { transfers } from '../modules/transfers/transfers.schema.ts';
import type { Breach } from './development.rules.ts';
import { type Finding, toWarning as findingToWarning } from './finding.ts';
import { registerRules } from './ruleRegistry.ts';
import { citationText, type RuleDefinition, type RuleEvaluationContext, type Warning } from './ruleTypes.ts';
import { EDUCATION_2019_FROM, EDUCATION_DOCUMENT } from './transfers.rules.ts';

/** The facts of a flowing record the rules look at. */
export interface FlowingFacts {
  id: number;
  direction: 'out' | 'in';
  status: string;
  memberId: number | null;
  orgId: number;
  name: string;
  since: string;
  isFixedPlace: boolean;
  isAbroad: boolean;
  isSettledAbroad: boolean;
  lostContactSince: string | null;
  lastContactOn: string | null;
  /** A transfer of the member started on or after `since` (pending or done). */
  hasTransferSince: boolean;
}

/** One rule met by a record, as the flowing list shows it and as a warning carries it. */
export interface FlowingFinding {
  rule: Pick<RuleDefinition, 'id' | 'citation' | 'severity'>;
  message: string;
  dueOn: string;
}

type MonthsParams = { months: number };
const monthsSchema = z.object({ months: z.number().int().min(1).max(60) });

type Find<P> = (f: FlowingFacts, today: string, params: P) => { message: string; dueOn: string } | null;

/** A flowing rule: `find` says whether one record meets it today; evaluation runs it over the scope. */
export type FlowingRule<P extends Record<string, unknown>> = RuleDefinition<P> & {
  find(f: FlowingFacts, today: string, params: P): FlowingFinding | null;
};

function rule<P extends Record<string, unknown>>(
  def: Omit<RuleDefinition<P>, 'effectiveFrom' | 'evaluate'> & { find: Find<P> },
): FlowingRule<P> {
  const meta = { id: def.id, citation: def.citation, severity: def.severity };
  const find = (f: FlowingFacts, today: string, params: P): FlowingFinding | null => {
    const found = def.find(f, today, params);
    return found ? { rule: meta, ...found } : null;
  };
  return {
    ...def,
    effectiveFrom: EDUCATION_2019_FROM,
    find,
    evaluate: async (ctx: RuleEvaluationContext, params: P) => {
      const rows = await flowingFactsInContext(ctx);
      return rows.flatMap((f) => {
        const found = find(f, ctx.today, params);
        return found ? [toWarning(found, f)] : [];
      });
    },
  };
}

function toWarning(found: FlowingFinding, f: FlowingFacts): Warning {
  return {
    rule: found.rule.id,
    citation: citationText(found.rule.citation),
    severity: found.rule.severity,
    orgId: encodeId(f.orgId),
    memberId: f.memberId === null ? null : encodeId(f.memberId),
    message: found.message,
    since: found.dueOn,
    due: found.dueOn,
  };
}

export const AWAY_SIX_MONTHS = rule<MonthsParams>({
  id: 'T1.away-six-months',
  title: '外出地点固定且满六个月的，应转接组织关系',
  citation: { document: EDUCATION_DOCUMENT, article: '第二十五条' },
  severity: 'warning',
  paramsSchema: monthsSchema,
  defaults: { months: 6 },
  find: (f, today, params) => {
    if (f.direction !== 'out' || f.status !== 'active' || !f.isFixedPlace || f.isAbroad) return null;
    if (f.hasTransferSince) return null;
    const due = addMonths(f.since, params.months);
    if (today < due) return null;
    return {
      message: `流动党员“${f.name}”自 ${f.since} 外出、地点固定，已满${params.months}个月，应转接组织关系`,
      dueOn: due,
    };
  },
});

export const REGULAR_CONTACT = rule<MonthsParams>({
  id: 'T2.regular-contact',
  title: '党组织与外出党员保持经常联系',
  citation: { document: EDUCATION_DOCUMENT, article: '' },
  severity: 'info',
  paramsSchema: monthsSchema,
  // "Regular contact" has no frequency in the text: a local parameter, quarterly by default.
  defaults: { months: 3 },
  find: (f, today, params) => {
    if (f.direction !== 'out' || f.status !== 'active' || f.lostContactSince) return null;
    const last = f.lastContactOn ?? f.since;
    const due = addMonths(last, params.months);
    if (today <= due) return null;
    return {
      message: `流动党员“${f.name}”自 ${last} 以来没有联系记录（应至少每${params.months}个月联系一次）`,
      dueOn: due,
    };
  },
});

export const LOST_CONTACT = rule<MonthsParams>({
  id: 'T3.lost-contact',
  title: '与党组织失去联系满六个月的党员，按规定停止党籍',
  citation: { document: EDUCATION_DOCUMENT, article: '第二十四、三十一条' },
  severity: 'warning',
  paramsSchema: monthsSchema,
  defaults: { months: 6 },
  find: (f, today, params) => {
    if (f.direction !== 'out' || f.status !== 'active' || !f.lostContactSince) return null;
    const due = addMonths(f.lostContactSince, params.months);
    if (today < due) return null;
    return {
      message: `流动党员“${f.name}”自 ${f.lostContactSince} 失去联系，已满${params.months}个月，应按规定停止党籍`,
      dueOn: due,
    };
  },
});

export const ABROAD = rule<{ years: number }>({
  id: 'T3.abroad',
  title: '出国（境）定居或在国（境）外超过五年的党员，按规定停止党籍',
  citation: { document: EDUCATION_DOCUMENT, article: '第二十四、三十一条' },
  severity: 'warning',
  paramsSchema: z.object({ years: z.number().int().min(1).max(20) }),
  defaults: { years: 5 },
  find: (f, today, params) => {
    if (f.direction !== 'out' || f.status !== 'active' || !f.isAbroad) return null;
    if (f.isSettledAbroad) {
      return { message: `“${f.name}”已出国（境）定居，应按规定停止党籍`, dueOn: f.since };
    }
    const limit = addYears(f.since, params.years);
    if (today <= limit) return null;
    return {
      message: `“${f.name}”自 ${f.since} 在国（境）外，已超过${params.years}年，应按规定停止党籍`,
      dueOn: addDays(limit, 1),
    };
  },
});

/** T3: 停止党籍 only after 6 months without contact, or when settled abroad, or abroad more than 5 years. */
export function checkSuspension(
  f: Pick<FlowingFacts, 'lostContactSince' | 'isAbroad' | 'isSettledAbroad' | 'since'>,
  suspendedOn: string,
  params: { lostMonths: number; abroadYears: number },
): Breach | null {
  if (f.isSettledAbroad) return null;
  if (f.isAbroad && suspendedOn > addYears(f.since, params.abroadYears)) return null;
  if (f.lostContactSince && suspendedOn >= addMonths(f.lostContactSince, params.lostMonths)) return null;
  const message = f.lostContactSince
    ? `自 ${f.lostContactSince} 失去联系，至 ${addMonths(f.lostContactSince, params.lostMonths)} 才满${params.lostMonths}个月，此前不能停止党籍`
    : '只有失去联系满六个月、出国（境）定居或在国（境）外超过五年的党员才能停止党籍；请先登记失去联系的日期';
  return { rule: LOST_CONTACT, field: 'suspendedOn', message };
}

/** Every flowing rule's finding for one record, with its parameters in force (the list shows these). */
export const FLOWING_RULES = [AWAY_SIX_MONTHS, REGULAR_CONTACT, LOST_CONTACT, ABROAD] as const;

async function flowingFactsInContext(ctx: RuleEvaluationContext): Promise<FlowingFacts[]> {
  const r = flowingRecords;
  const parts: SQL[] = [scopeCondition(r.orgPath, ctx.scope), eq(r.status, 'active')];
  if (ctx.subtreePath) parts.push(sql`${r.orgPath} like ${`${ctx.subtreePath}%`}`);
  if (ctx.memberId !== undefined) parts.push(eq(r.memberId, ctx.memberId));
  const rows = await ctx.db
    .select({
      id: r.id,
      direction: r.direction,
      status: r.status,
      memberId: r.memberId,
      orgId: r.orgId,
      name: r.name,
      since: r.since,
      isFixedPlace: r.isFixedPlace,
      isAbroad: r.isAbroad,
      isSettledAbroad: r.isSettledAbroad,
      lostContactSince: r.lostContactSince,
      lastContactOn: r.lastContactOn,
      hasTransferSince: sql<boolean>`exists(select 1 from ${transfers} t where t.member_id = ${r.memberId} and t.issued_on >= ${r.since} and t.status not in ('returned', 'cancelled'))`,
    })
    .from(r)
    .where(and(...parts));
  return rows.map((row) => ({
    ...row,
    hasTransferSince: Boolean(row.hasTransferSince),
  }));
}

/** The in-flowing members an org hosts (active 流入 records attached to it). */
export interface InflowFacts {
  orgId: number;
  orgName: string;
  orgType: string;
  /** `since` of each active in-flow record. */
  arrivals: readonly string[];
}

type GroupParams = { minMembers: number };

/**
 * T2: members away from home who are together at one place, 3 or more, form a branch or a group
 * there. zhibu knows where they are together only for in-flow records (the receiving org); the
 * out-flow place is free text. An org that is a 党小组, or a branch named for flowing members
 * (流动党员党支部), is taken to be that group already.
 */
export function checkFlowingGroup(o: InflowFacts, params: GroupParams): Finding | null {
  if (o.orgType === 'group' || o.orgName.includes('流动党员')) return null;
  if (o.arrivals.length < params.minMembers) return null;
  const sorted = [...o.arrivals].sort();
  return {
    severity: 'info',
    message: `“${o.orgName}”有流入党员 ${o.arrivals.length} 人，${params.minMembers} 人以上的可以成立流动党员党支部或党小组，组织他们参加组织生活`,
    since: sorted[params.minMembers - 1] ?? null,
  };
}

export const FLOWING_GROUP: RuleDefinition<GroupParams> = {
  id: 'T2.flowing-group',
  title: '流动党员相对集中、3人以上的，可成立流动党员党支部或党小组',
  citation: { document: EDUCATION_DOCUMENT, article: '' },
  severity: 'info',
  effectiveFrom: EDUCATION_2019_FROM,
  paramsSchema: z.object({ minMembers: z.number().int().min(2).max(50) }),
  defaults: { minMembers: 3 },
  evaluate: async (ctx: RuleEvaluationContext, params: GroupParams) => {
    const r = flowingRecords;
    const parts: SQL[] = [
      scopeCondition(r.orgPath, ctx.scope),
      eq(r.status, 'active'),
      eq(r.direction, 'in'),
    ];
    if (ctx.subtreePath) parts.push(sql`${r.orgPath} like ${`${ctx.subtreePath}%`}`);
    // An org-level finding: a one-member evaluation has nothing to say.
    if (ctx.memberId !== undefined) return [];
    const rows = await ctx.db
      .select({ orgId: r.orgId, orgName: orgs.name, orgType: orgs.type, since: r.since })
      .from(r)
      .innerJoin(orgs, eq(orgs.id, r.orgId))
      .where(and(...parts));
    const byOrg = new Map<number, InflowFacts & { arrivals: string[] }>();
    for (const row of rows) {
      const o = byOrg.get(row.orgId);
      if (o) o.arrivals.push(row.since);
      else
        byOrg.set(row.orgId, {
          orgId: row.orgId,
          orgName: row.orgName,
          orgType: row.orgType,
          arrivals: [row.since],
        });
    }
    return [...byOrg.values()].flatMap((o) => {
      const finding = checkFlowingGroup(o, params);
      return finding ? [findingToWarning(FLOWING_GROUP, { orgId: o.orgId }, finding)] : [];
    });
  },
};

registerRules(
  AWAY_SIX_MONTHS,
  REGULAR_CONTACT,
  LOST_CONTACT,
  ABROAD,
  FLOWING_GROUP as unknown as RuleDefinition,
);
