import {
  addDays,
  addMonths,
  addYears,
  type OrgCategoryCode,
  OrgCategoryCode as OrgCategorySchema,
  type OrgTypeCode,
} from '@zhibu/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { members, orgs } from '../db/schema.ts';
import { type Finding, toWarning } from './finding.ts';
import { RULE_DOCUMENTS as DOC } from './ruleDocuments.ts';
import { registerRules } from './ruleRegistry.ts';
import { membersInContext, orgsInContext } from './ruleScope.ts';
import type { RuleDefinition, RuleEvaluationContext, Warning } from './ruleTypes.ts';

// Branches and terms (DOMAIN.md §2 B1–B4). Counts are of members on the register on the day of
// evaluation (a member who left on D no longer counts from D on), over the org's whole subtree
// (members of a branch's 党小组 are members of the branch).

/** An org with the facts the branch and term rules read. */
export interface OrgFacts {
  id: number;
  path: string;
  name: string;
  type: OrgTypeCode;
  category: OrgCategoryCode;
  secretaryName: string | null;
  termStartedOn: string | null;
  termYears: number | null;
  /** Members (full and probationary) in the subtree on the register. */
  members: number;
  fullMembers: number;
}

const BRANCH_TYPES: readonly OrgTypeCode[] = ['branch', 'joint_branch', 'temporary_branch'];
/** Orgs whose committee (or secretary) is elected for a term; 党工委 and 临时党支部 are appointed. */
const ELECTED_TYPES: readonly OrgTypeCode[] = ['party_committee', 'general_branch', 'branch', 'joint_branch'];

const factsCache = new WeakMap<RuleEvaluationContext, Promise<OrgFacts[]>>();

/** Orgs in context with their member counts; computed once per evaluation and shared by the rules. */
export function orgFactsOf(ctx: RuleEvaluationContext): Promise<OrgFacts[]> {
  let facts = factsCache.get(ctx);
  if (!facts) {
    facts = loadOrgFacts(ctx);
    factsCache.set(ctx, facts);
  }
  return facts;
}

async function loadOrgFacts(ctx: RuleEvaluationContext): Promise<OrgFacts[]> {
  // Org-level rules say nothing about a single member.
  if (ctx.memberId !== undefined) return [];
  const orgRows = await ctx.db
    .select({
      id: orgs.id,
      path: orgs.path,
      name: orgs.name,
      type: orgs.type,
      category: orgs.category,
      secretaryName: orgs.secretaryName,
      termStartedOn: orgs.termStartedOn,
      termYears: orgs.termYears,
    })
    .from(orgs)
    .where(orgsInContext(ctx));
  if (orgRows.length === 0) return [];
  // One pass over the members, counted per org and rolled up along the paths in memory.
  const counts = await ctx.db
    .select({
      path: members.orgPath,
      total: sql<number>`count(*)::int`,
      full: sql<number>`(count(*) filter (where ${members.status} = 'full'))::int`,
    })
    .from(members)
    .where(membersInContext(ctx))
    .groupBy(members.orgPath);
  const byPath = new Map<string, { total: number; full: number }>();
  for (const c of counts) {
    let prefix = c.path;
    // Add this org's counts to itself and every ancestor path: '/1/k3/9a/' → '/1/k3/' → '/1/'.
    while (prefix.length > 1) {
      const acc = byPath.get(prefix) ?? { total: 0, full: 0 };
      acc.total += Number(c.total);
      acc.full += Number(c.full);
      byPath.set(prefix, acc);
      prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
    }
  }
  return orgRows.map((o) => {
    const c = byPath.get(o.path);
    return { ...o, members: c?.total ?? 0, fullMembers: c?.full ?? 0 };
  });
}

function orgRule<P extends Record<string, unknown>>(
  definition: Omit<RuleDefinition<P>, 'evaluate'>,
  check: (org: OrgFacts, params: P, today: string) => Finding | null,
): RuleDefinition<P> {
  return {
    ...definition,
    async evaluate(ctx, params) {
      const out: Warning[] = [];
      for (const org of await orgFactsOf(ctx)) {
        const finding = check(org, params, ctx.today);
        if (finding) out.push(toWarning(definition, { orgId: org.id }, finding));
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// B1. 3+ full members → 党支部; fewer → 联合党支部. A branch generally ≤ 50 members.

const BranchTooFewParams = z.object({
  minFullMembers: z.number().int().min(1).max(50).describe('成立党支部所需的正式党员人数'),
});
type BranchTooFewParams = z.infer<typeof BranchTooFewParams>;

/** A 党支部 (not a joint one) with fewer full members than a branch needs. */
export function checkBranchTooFew(org: OrgFacts, p: BranchTooFewParams): Finding | null {
  if (org.type !== 'branch' || org.fullMembers >= p.minFullMembers) return null;
  return {
    severity: 'warning',
    message: `“${org.name}”正式党员 ${org.fullMembers} 人，不足 ${p.minFullMembers} 人，不能单独成立党支部，应与邻近单位党员成立联合党支部`,
  };
}

const BranchTooLargeParams = z.object({
  maxMembers: z.number().int().min(10).max(500).describe('党支部党员人数一般不超过'),
});
type BranchTooLargeParams = z.infer<typeof BranchTooLargeParams>;

/** A branch of any kind with more members than a branch generally has. */
export function checkBranchTooLarge(org: OrgFacts, p: BranchTooLargeParams): Finding | null {
  if (!BRANCH_TYPES.includes(org.type) || org.members <= p.maxMembers) return null;
  return {
    severity: 'warning',
    message: `“${org.name}”有党员 ${org.members} 人，超过 ${p.maxMembers} 人，宜分设党支部或按规定设立党总支`,
  };
}

// ---------------------------------------------------------------------------------------------
// B2. 7+ full members → 支部委员会 of 3–5 (≤ 7); fewer → a secretary (and deputy if needed).
// Committee membership is not recorded yet, so only a missing secretary can be checked.

const NoSecretaryParams = z.object({
  committeeMinFullMembers: z.number().int().min(2).max(50).describe('应设立支部委员会的正式党员人数'),
});
type NoSecretaryParams = z.infer<typeof NoSecretaryParams>;

export function checkNoSecretary(org: OrgFacts, p: NoSecretaryParams): Finding | null {
  if (!BRANCH_TYPES.includes(org.type) || (org.secretaryName ?? '').trim() !== '') return null;
  const needsCommittee = org.fullMembers >= p.committeeMinFullMembers;
  return {
    severity: 'warning',
    message: needsCommittee
      ? `“${org.name}”正式党员 ${org.fullMembers} 人，应设立支部委员会（3至5人，一般不超过7人），尚未登记书记`
      : `“${org.name}”正式党员不足 ${p.committeeMinFullMembers} 人，应设1名书记（必要时设1名副书记），尚未登记书记`,
  };
}

// ---------------------------------------------------------------------------------------------
// B3. In 机关: 50–100 members → 总支; 100+ → 基层委员会 (elsewhere local: the categories are a parameter).

const StateOrganStructureParams = z
  .object({
    categories: z.array(OrgCategorySchema).min(1).describe('适用的组织类别'),
    generalBranchMinMembers: z.number().int().min(2).max(1000).describe('应设立党总支的党员人数（含）'),
    committeeMinMembers: z.number().int().min(3).max(5000).describe('应设立基层党委的党员人数（含）'),
  })
  .refine((p) => p.generalBranchMinMembers < p.committeeMinMembers, {
    message: '设立党总支的人数应小于设立基层党委的人数',
  });
type StateOrganStructureParams = z.infer<typeof StateOrganStructureParams>;

export function checkStateOrganStructure(org: OrgFacts, p: StateOrganStructureParams): Finding | null {
  if (!p.categories.includes(org.category)) return null;
  const isBranch = org.type === 'branch' || org.type === 'joint_branch';
  if (org.members >= p.committeeMinMembers && (isBranch || org.type === 'general_branch')) {
    return {
      severity: 'info',
      message: `“${org.name}”有党员 ${org.members} 人（${p.committeeMinMembers} 人以上），应设立党的基层委员会`,
      citation: { document: DOC.stateOrgansRegulation.name, article: '第五条' },
    };
  }
  if (isBranch && org.members >= p.generalBranchMinMembers && org.members < p.committeeMinMembers) {
    return {
      severity: 'info',
      message: `“${org.name}”有党员 ${org.members} 人（${p.generalBranchMinMembers} 人以上、不足 ${p.committeeMinMembers} 人），应设立党的总支部委员会`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// B4. Terms: 党章 第三十一条 3–5 years; 2018 opinion: 基层委员会 5, 总支 and 支部 3, village and
// community 5. Elections on time; moving them needs higher approval and at most 1 year
// (选举工作条例 2020 第三条).

const DefaultTermYears = z.object({
  party_committee: z.number().int().min(3).max(5).describe('基层党委'),
  general_branch: z.number().int().min(3).max(5).describe('党总支'),
  branch: z.number().int().min(3).max(5).describe('党支部（含联合党支部）'),
  villageAndCommunity: z.number().int().min(3).max(5).describe('村和社区党组织'),
});

const TermParams = z.object({
  defaultYears: DefaultTermYears.describe('未登记任期年限时按此计算（2018年任期意见）'),
  villageCommunityCategories: z.array(OrgCategorySchema).describe('按村和社区任期计算的组织类别'),
  warnDaysBefore: z.number().int().min(0).max(730).describe('届满前多少天开始提醒'),
  maxPostponeMonths: z.number().int().min(0).max(36).describe('延期换届最长月数（须经上级批准）'),
});
type TermParams = z.infer<typeof TermParams>;

const TERM_DEFAULTS: TermParams = {
  defaultYears: { party_committee: 5, general_branch: 3, branch: 3, villageAndCommunity: 5 },
  villageCommunityCategories: ['rural', 'community'],
  warnDaysBefore: 90,
  maxPostponeMonths: 12,
};

/** Term length of an elected org: as recorded, else the 2018 opinion's default for its type and category. */
export function termYearsOf(
  org: Pick<OrgFacts, 'type' | 'category' | 'termYears'>,
  p: TermParams,
): number | null {
  if (!ELECTED_TYPES.includes(org.type)) return null;
  if (org.termYears !== null) return org.termYears;
  if (p.villageCommunityCategories.includes(org.category)) return p.defaultYears.villageAndCommunity;
  if (org.type === 'party_committee') return p.defaultYears.party_committee;
  if (org.type === 'general_branch') return p.defaultYears.general_branch;
  return p.defaultYears.branch;
}

/** The last day of the current term: the term ends on the anniversary, expired from the day after. */
export function termEndOf(
  org: Pick<OrgFacts, 'type' | 'category' | 'termYears' | 'termStartedOn'>,
  p: TermParams,
) {
  const years = termYearsOf(org, p);
  if (years === null || org.termStartedOn === null) return null;
  return addYears(org.termStartedOn, years);
}

export function checkTermExpiring(org: OrgFacts, p: TermParams, today: string): Finding | null {
  const end = termEndOf(org, p);
  if (end === null || today > end) return null;
  const from = addDays(end, -p.warnDaysBefore);
  if (today < from) return null;
  return {
    severity: 'warning',
    message: `“${org.name}”本届任期将于 ${end} 届满，应按期换届选举；如需延期须报上级党组织批准`,
    since: from,
    due: end,
  };
}

export function checkTermExpired(org: OrgFacts, p: TermParams, today: string): Finding | null {
  const end = termEndOf(org, p);
  if (end === null || today <= end) return null;
  const latest = addMonths(end, p.maxPostponeMonths);
  return {
    severity: 'violation',
    message:
      today > latest
        ? `“${org.name}”任期已于 ${end} 届满，已超过延期换届的最长期限（${p.maxPostponeMonths} 个月），应立即换届`
        : `“${org.name}”任期已于 ${end} 届满，应按期换届；延期须经上级党组织批准，延长期限一般不超过 ${p.maxPostponeMonths} 个月（至 ${latest}）`,
    since: addDays(end, 1),
    due: latest,
  };
}

const TermLengthParams = z.object({
  minYears: z.number().int().min(1).max(10).describe('党章规定的最短任期（年）'),
  maxYears: z.number().int().min(1).max(10).describe('党章规定的最长任期（年）'),
  opinionFrom: z.string().describe('任期意见的执行日期（此后开始的任期按意见的年限）'),
  villageAndCommunityYears: z.number().int().min(1).max(10).describe('村和社区党组织的任期（年）'),
  villageCommunityCategories: z.array(OrgCategorySchema).describe('村和社区的组织类别'),
});
type TermLengthParams = z.infer<typeof TermLengthParams>;

export function checkTermLength(org: OrgFacts, p: TermLengthParams): Finding | null {
  if (!ELECTED_TYPES.includes(org.type) || org.termYears === null) return null;
  if (org.termYears < p.minYears || org.termYears > p.maxYears) {
    return {
      severity: 'violation',
      message: `“${org.name}”登记的任期为 ${org.termYears} 年，党章规定每届任期 ${p.minYears} 至 ${p.maxYears} 年`,
    };
  }
  // The opinion applies to terms begun after it was issued (意见: 已换届的从本届届满后执行).
  if (
    p.villageCommunityCategories.includes(org.category) &&
    org.termYears !== p.villageAndCommunityYears &&
    org.termStartedOn !== null &&
    org.termStartedOn >= p.opinionFrom
  ) {
    return {
      severity: 'warning',
      message: `“${org.name}”为村或社区党组织，每届任期应为 ${p.villageAndCommunityYears} 年，登记为 ${org.termYears} 年`,
      citation: { document: DOC.termOpinion.name, article: '一' },
    };
  }
  return null;
}

export function checkTermUnknown(org: OrgFacts): Finding | null {
  if (!ELECTED_TYPES.includes(org.type) || org.termStartedOn !== null) return null;
  return {
    severity: 'info',
    message: `“${org.name}”未登记本届任期的开始日期，无法提醒按期换届`,
  };
}

export const branchRules = [
  orgRule(
    {
      id: 'B1.branch-too-few',
      title: '正式党员3人以上方可成立党支部，不足3人的成立联合党支部',
      // DOMAIN.md B1 names only the regulation. Read from its text: 第四条 (3+ full members → 党支部),
      // 第五条 (fewer than 3 → 联合党支部, generally ≤ 5 units). 第二十条 is B2's committee article.
      citation: { document: DOC.branchRegulation.name, article: '第四、五条' },
      severity: 'warning',
      effectiveFrom: DOC.branchRegulation.from,
      paramsSchema: BranchTooFewParams,
      defaults: { minFullMembers: 3 },
    },
    checkBranchTooFew,
  ),
  orgRule(
    {
      id: 'B1.branch-too-large',
      title: '党支部党员人数一般不超过50人',
      citation: { document: DOC.branchRegulation.name, article: '第四条' },
      severity: 'warning',
      effectiveFrom: DOC.branchRegulation.from,
      paramsSchema: BranchTooLargeParams,
      defaults: { maxMembers: 50 },
    },
    checkBranchTooLarge,
  ),
  orgRule(
    {
      id: 'B2.no-secretary',
      title: '正式党员7人以上设支部委员会，不足7人设书记（委员会组成尚未登记，只检查书记）',
      citation: { document: DOC.branchRegulation.name, article: '第二十条' },
      severity: 'warning',
      effectiveFrom: DOC.branchRegulation.from,
      paramsSchema: NoSecretaryParams,
      defaults: { committeeMinFullMembers: 7 },
    },
    checkNoSecretary,
  ),
  orgRule(
    {
      id: 'B3.state-organ-structure',
      title: '机关党员50人以上设党总支，100人以上设基层党委',
      citation: { document: DOC.stateOrgansRegulation.name, article: '第六条' },
      severity: 'info',
      effectiveFrom: DOC.stateOrgansRegulation.from,
      paramsSchema: StateOrganStructureParams,
      defaults: { categories: ['government'], generalBranchMinMembers: 50, committeeMinMembers: 100 },
    },
    checkStateOrganStructure,
  ),
  orgRule(
    {
      id: 'B4.term-expiring',
      title: '任期即将届满，应按期换届',
      citation: { document: DOC.electionRegulation.name, article: '第三条' },
      severity: 'warning',
      effectiveFrom: DOC.termOpinion.from,
      paramsSchema: TermParams,
      defaults: TERM_DEFAULTS,
    },
    checkTermExpiring,
  ),
  orgRule(
    {
      id: 'B4.term-expired',
      title: '任期届满未换届（延期须经上级批准，一般不超过1年）',
      citation: { document: DOC.electionRegulation.name, article: '第三条' },
      severity: 'violation',
      effectiveFrom: DOC.termOpinion.from,
      paramsSchema: TermParams,
      defaults: TERM_DEFAULTS,
    },
    checkTermExpired,
  ),
  orgRule(
    {
      id: 'B4.term-length',
      title: '每届任期三年至五年；村和社区党组织每届任期5年',
      citation: { document: DOC.constitution.name, article: '第三十一条' },
      severity: 'violation',
      effectiveFrom: DOC.termOpinion.from,
      paramsSchema: TermLengthParams,
      defaults: {
        minYears: 3,
        maxYears: 5,
        opinionFrom: DOC.termOpinion.from,
        villageAndCommunityYears: 5,
        villageCommunityCategories: ['rural', 'community'],
      },
    },
    checkTermLength,
  ),
  orgRule(
    {
      id: 'B4.term-unknown',
      title: '未登记任期开始日期',
      citation: { document: DOC.termOpinion.name, article: '二' },
      severity: 'info',
      effectiveFrom: DOC.termOpinion.from,
      paramsSchema: z.object({}),
      defaults: {},
    },
    (org) => checkTermUnknown(org),
  ),
] as const;

registerRules(...(branchRules as unknown as RuleDefinition[]));
