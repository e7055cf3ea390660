/**
 * 发展党员 (development pipeline): shared/DOMAIN.md §2 D1–D7 and the 2026 additions.
 *
 * Two texts are held. Articles numbered here are those of the 2014 text of the
 * 中国共产党发展党员工作细则 as DOMAIN.md gives them. DOMAIN.md reports a revision "dated 2026-05"
 * that renumbers the articles (new numbers not given) and adds three time limits. Assumption: the
 * revision takes effect on 2026-05-01 (only the month is known). So every rule of the 2014 text
 * has a twin `<id>@2026` in force from that day which cites the revision and, since its own
 * numbers are unknown, the 2014 article it corresponds to; the three additions exist only from that day; each addition has an `isEnabled`
 * parameter so a province can switch it off.
 *
 * Which text governs a step: the one in force on the date of the act being recorded; a time limit
 * applies when the event that starts it falls on or after the text's effective date, so no
 * period that began under the 2014 text is shortened afterwards.
 *
 * "Within n months" of day D means on or before addMonths(D, n) (民法典 第二百零三条 for a missing
 * day): a talk for an application of 04-01 is due by 05-01 (day 30 after it); 05-02 (day 31) is late.
 */
import {
  addDays,
  addMonths,
  ageOn,
  countWorkingDays,
  developmentStepName,
  type WorkingDayCalendar,
} from '@zhibu/shared';
import type { VoteCounts } from '@zhibu/shared/api';
import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { scopeCondition } from '../access/scope.ts';
import { encodeId } from '../lib/publicId.ts';
import { developmentPeople } from '../modules/development/development.schema.ts';
import type { PipelineState } from '../modules/development/pipelineState.ts';
import { registerRules } from './ruleRegistry.ts';
import {
  type Citation,
  citationText,
  isRuleInForce,
  type RuleDefinition,
  type RuleEvaluationContext,
  type Warning,
} from './ruleTypes.ts';

export const DEVELOPMENT_DOCUMENT = '中国共产党发展党员工作细则';
/** The 2014 text was issued in June 2014; the day is not verified here and matters for no live data. */
export const TEXT_2014_FROM = '2014-06-10';
/** Assumed effective date of the revision DOMAIN.md dates "2026-05". */
export const REVISION_2026_FROM = '2026-05-01';
/** The note after a 2014 article cited for a rule the 2026 revision keeps. */
export const REVISION_2026_NOTE = '（2014年版条号，2026年修订后沿用）';
export const REVISION_2026_CITATION: Citation = {
  document: `${DEVELOPMENT_DOCUMENT}（2026年修订）`,
  article: '',
};

/** A refusal: which rule, and the sentence shown before its citation. */
export interface Breach {
  rule: Pick<RuleDefinition, 'id' | 'citation'>;
  message: string;
  field?: string;
}

/** The versions of one rule under successive texts, oldest first. */
export type VersionedRule<P extends Record<string, unknown>> = readonly [
  RuleDefinition<P>,
  ...RuleDefinition<P>[],
];

type RuleSpec<P extends Record<string, unknown>> = Omit<
  RuleDefinition<P>,
  'citation' | 'effectiveFrom' | 'effectiveTo'
> & { article: string };

/** A rule of the 2014 text (citing `article`) and its twin under the 2026 revision. */
export function underBothTexts<P extends Record<string, unknown>>(spec: RuleSpec<P>): VersionedRule<P> {
  const { article, ...rest } = spec;
  return [
    {
      ...rest,
      citation: { document: DEVELOPMENT_DOCUMENT, article },
      effectiveFrom: TEXT_2014_FROM,
      effectiveTo: REVISION_2026_FROM,
    },
    {
      ...rest,
      id: `${spec.id}@2026`,
      // The revision's own article numbers are not known here: cite one text, the 2014 article,
      // and say in a note that the revision carries the rule on ("…》第七条（2014年版条号，2026年修订后沿用）").
      citation: article
        ? { document: DEVELOPMENT_DOCUMENT, article: `${article}${REVISION_2026_NOTE}` }
        : REVISION_2026_CITATION,
      effectiveFrom: REVISION_2026_FROM,
    },
  ];
}

/** The version in force on a day (the oldest for days before every version). */
export function ruleOn<P extends Record<string, unknown>>(
  versions: VersionedRule<P>,
  on: string,
): RuleDefinition<P> {
  return versions.find((r) => isRuleInForce(r, on)) ?? versions[0];
}

const noParams = z.object({});
type NoParams = z.infer<typeof noParams>;
const monthsParams = z.object({ months: z.number().int().min(1).max(60) });
type MonthsParams = z.infer<typeof monthsParams>;
const switchedMonths = z.object({ isEnabled: z.boolean(), months: z.number().int().min(1).max(12) });
type SwitchedMonths = z.infer<typeof switchedMonths>;

// ---------------------------------------------------------------------------------------------
// Evaluation helpers: people of the pipeline in the reader's scope.

interface DuePerson {
  id: number;
  orgId: number;
  memberId: number | null;
  name: string;
  lastStep: number;
  appliedOn: string | null;
  activistOn: string | null;
  lastReviewOn: string | null;
  prereviewOn: string | null;
  admittedOn: string | null;
  approvedOn: string | null;
  oathOn: string | null;
}

async function activePeople(ctx: RuleEvaluationContext, where: SQL): Promise<DuePerson[]> {
  const p = developmentPeople;
  const parts: SQL[] = [scopeCondition(p.orgPath, ctx.scope), eq(p.status, 'active'), where];
  if (ctx.subtreePath) parts.push(sql`${p.orgPath} like ${`${ctx.subtreePath}%`}`);
  if (ctx.memberId !== undefined) parts.push(eq(p.memberId, ctx.memberId));
  return ctx.db
    .select({
      id: p.id,
      orgId: p.orgId,
      memberId: p.memberId,
      name: p.name,
      lastStep: p.lastStep,
      appliedOn: p.appliedOn,
      activistOn: p.activistOn,
      lastReviewOn: p.lastReviewOn,
      prereviewOn: p.prereviewOn,
      admittedOn: p.admittedOn,
      approvedOn: p.approvedOn,
      oathOn: p.oathOn,
    })
    .from(p)
    .where(and(...parts));
}

/** A warning for a person past a deadline (`due` is the last day allowed). */
export function overdueWarning(
  rule: Pick<RuleDefinition, 'id' | 'citation' | 'severity'>,
  person: { orgId: number; memberId: number | null },
  message: string,
  due: string,
): Warning {
  return {
    rule: rule.id,
    citation: citationText(rule.citation),
    severity: rule.severity,
    orgId: encodeId(person.orgId),
    memberId: person.memberId === null ? null : encodeId(person.memberId),
    message,
    since: addDays(due, 1),
    due,
  };
}

// ---------------------------------------------------------------------------------------------
// D1 — the 25 steps in order.

export const STEP_ORDER = underBothTexts<NoParams>({
  id: 'D1.step-order',
  title: '发展党员须按程序逐步进行',
  article: '',
  severity: 'violation',
  paramsSchema: noParams,
  defaults: {},
});

/** D1: the step must be one the state allows, dated no earlier than the step before it. */
export function checkStepOrder(
  state: PipelineState,
  allowed: readonly number[],
  step: number,
  occurredOn: string,
): Breach | null {
  const rule = ruleOn(STEP_ORDER, occurredOn);
  if (!allowed.includes(step)) {
    const next = allowed.map((n) => `第${n}步“${developmentStepName(n)}”`).join('或');
    return {
      rule,
      field: 'step',
      message: next
        ? `第${step}步“${developmentStepName(step)}”不能现在办理，应先办理${next}`
        : '该发展党员程序已结束，不能再记录步骤',
    };
  }
  if (occurredOn < state.lastStepOn) {
    return {
      rule,
      field: 'occurredOn',
      message: `办理日期 ${occurredOn} 早于上一步骤的日期 ${state.lastStepOn}`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// D2 — age at application; talk within a month.

export const APPLICANT_AGE = underBothTexts<{ minAge: number }>({
  id: 'D2.applicant-age',
  title: '入党申请人须年满十八周岁',
  article: '第五条',
  severity: 'violation',
  paramsSchema: z.object({ minAge: z.number().int().min(14).max(30) }),
  defaults: { minAge: 18 },
});

/** D2 第五条: 18 or older (周岁) on the day the application is handed in; the 18th birthday itself is fine. */
export function checkApplicantAge(
  birthDate: string,
  appliedOn: string,
  params: { minAge: number },
): Breach | null {
  const age = ageOn(birthDate, appliedOn);
  if (age >= params.minAge) return null;
  return {
    rule: ruleOn(APPLICANT_AGE, appliedOn),
    field: 'appliedOn',
    message: `递交入党申请书时（${appliedOn}）未满${params.minAge}周岁（出生日期 ${birthDate}）`,
  };
}

export const TALK_WITHIN_MONTH = underBothTexts<MonthsParams>({
  id: 'D2.talk-within-month',
  title: '收到入党申请书后一个月内派人谈话',
  article: '第七条',
  severity: 'warning',
  paramsSchema: monthsParams,
  defaults: { months: 1 },
  evaluate: evaluateTalkDue,
});

export function talkDueOn(appliedOn: string, params: MonthsParams): string {
  return addMonths(appliedOn, params.months);
}

/** D2 第七条: the talk is on or before addMonths(application, 1). */
export function checkTalk(appliedOn: string, talkOn: string, params: MonthsParams): Breach | null {
  const due = talkDueOn(appliedOn, params);
  if (talkOn <= due) return null;
  return {
    rule: ruleOn(TALK_WITHIN_MONTH, appliedOn),
    field: 'occurredOn',
    message: `应在收到入党申请书（${appliedOn}）后${params.months}个月内、即 ${due} 前派人谈话，${talkOn} 已超过期限`,
  };
}

async function evaluateTalkDue(ctx: RuleEvaluationContext, params: MonthsParams): Promise<Warning[]> {
  const people = await activePeople(ctx, eq(developmentPeople.lastStep, 1));
  const rule = ruleOn(TALK_WITHIN_MONTH, ctx.today);
  return people.flatMap((p) => {
    if (!p.appliedOn) return [];
    const due = talkDueOn(p.appliedOn, params);
    if (due >= ctx.today) return [];
    return [
      overdueWarning(
        rule,
        p,
        `入党申请人“${p.name}”${p.appliedOn}递交申请书，应于 ${due} 前派人谈话，已超期`,
        due,
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// D3 — mentors; review every six months.

export const MENTORS = underBothTexts<{ min: number; max: number }>({
  id: 'D3.mentors',
  title: '培养联系人为一至两名正式党员',
  article: '第九条',
  severity: 'violation',
  paramsSchema: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  defaults: { min: 1, max: 2 },
});

/** A member as the checks need them: on the register or not, full or probationary. */
export interface MemberStanding {
  id: number;
  name: string;
  status: 'full' | 'probationary';
  leftOn: string | null;
}

/** D3 第九条: 1–2 mentors, each a full member on the register. */
export function checkMentors(
  mentors: readonly MemberStanding[],
  on: string,
  params: { min: number; max: number },
): Breach | null {
  const rule = ruleOn(MENTORS, on);
  if (mentors.length < params.min || mentors.length > params.max) {
    return {
      rule,
      field: 'mentorIds',
      message: `培养联系人应为${params.min}至${params.max}名正式党员，现为${mentors.length}名`,
    };
  }
  const wrong = mentors.find((m) => m.status !== 'full' || m.leftOn !== null);
  if (wrong) {
    return { rule, field: 'mentorIds', message: `“${wrong.name}”不是在册的正式党员，不能担任培养联系人` };
  }
  return null;
}

export const ACTIVIST_REVIEW = underBothTexts<MonthsParams>({
  id: 'D3.activist-review',
  title: '党支部每半年对入党积极分子进行一次考察',
  article: '第十一条',
  severity: 'warning',
  paramsSchema: monthsParams,
  defaults: { months: 6 },
  evaluate: evaluateActivistReview,
});

export function activistReviewDueOn(activistOn: string, lastReviewOn: string | null, params: MonthsParams) {
  return addMonths(lastReviewOn ?? activistOn, params.months);
}

async function evaluateActivistReview(ctx: RuleEvaluationContext, params: MonthsParams): Promise<Warning[]> {
  const p = developmentPeople;
  const people = await activePeople(ctx, and(gte(p.lastStep, 3), lte(p.lastStep, 6)) as SQL);
  const rule = ruleOn(ACTIVIST_REVIEW, ctx.today);
  return people.flatMap((person) => {
    if (!person.activistOn) return [];
    const due = activistReviewDueOn(person.activistOn, person.lastReviewOn, params);
    if (due >= ctx.today) return [];
    return [
      overdueWarning(
        rule,
        person,
        `入党积极分子“${person.name}”自 ${person.lastReviewOn ?? person.activistOn} 以来未进行考察，应于 ${due} 前考察`,
        due,
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// D4 — one year as activist; two sponsors; political review conclusion.

export const ACTIVIST_ONE_YEAR = underBothTexts<MonthsParams>({
  id: 'D4.activist-one-year',
  title: '经过一年以上培养教育和考察方可确定为发展对象',
  article: '第十三条',
  severity: 'violation',
  paramsSchema: monthsParams,
  defaults: { months: 12 },
});

export function candidateEarliestOn(activistOn: string, params: MonthsParams): string {
  return addMonths(activistOn, params.months);
}

/** D4 第十三条: a candidate on or after the anniversary of becoming an activist (exactly one year is enough). */
export function checkActivistYear(
  activistOn: string,
  candidateOn: string,
  params: MonthsParams,
): Breach | null {
  const earliest = candidateEarliestOn(activistOn, params);
  if (candidateOn >= earliest) return null;
  return {
    rule: ruleOn(ACTIVIST_ONE_YEAR, candidateOn),
    field: 'occurredOn',
    message: `${activistOn}确定为入党积极分子，须经过${params.months / 12 === 1 ? '一年' : `${params.months}个月`}以上培养考察，${earliest}起方可确定为发展对象`,
  };
}

export const SPONSORS = underBothTexts<{ count: number }>({
  id: 'D4.sponsors',
  title: '入党介绍人为两名正式党员',
  article: '第十四条',
  severity: 'violation',
  paramsSchema: z.object({ count: z.number().int().min(1).max(5) }),
  defaults: { count: 2 },
});

/**
 * D4 第十四条: exactly two sponsors, each a full member on the register (a probationary member may
 * not sponsor). The register does not record 留党察看, so that exclusion is not checked here.
 */
export function checkSponsors(
  sponsors: readonly MemberStanding[],
  on: string,
  params: { count: number },
): Breach | null {
  const rule = ruleOn(SPONSORS, on);
  const distinct = new Set(sponsors.map((s) => s.id));
  if (sponsors.length !== params.count || distinct.size !== sponsors.length) {
    return {
      rule,
      field: 'sponsorIds',
      message: `入党介绍人应为${params.count}名不同的正式党员，现为${distinct.size}名`,
    };
  }
  const wrong = sponsors.find((s) => s.status !== 'full' || s.leftOn !== null);
  if (wrong) {
    const why = wrong.leftOn !== null ? '已不在党员名册中' : '是预备党员';
    return { rule, field: 'sponsorIds', message: `“${wrong.name}”${why}，不能担任入党介绍人` };
  }
  return null;
}

export const POLITICAL_REVIEW = underBothTexts<NoParams>({
  id: 'D4.political-review',
  title: '政治审查须形成结论性材料',
  article: '第十六条',
  severity: 'violation',
  paramsSchema: noParams,
  defaults: {},
});

/** D4 第十六条: the review ends in a written conclusion. */
export function checkPoliticalReview(conclusion: string | null | undefined, on: string): Breach | null {
  if (conclusion && conclusion.trim().length > 0) return null;
  return {
    rule: ruleOn(POLITICAL_REVIEW, on),
    field: 'conclusion',
    message: '政治审查须形成结论性材料，请填写审查结论',
  };
}

// ---------------------------------------------------------------------------------------------
// D5 — concentrated training.

export const TRAINING = underBothTexts<{ minDays: number; minHours: number }>({
  id: 'D5.training',
  title: '发展对象集中培训不少于三天或二十四学时',
  article: '第十七条',
  severity: 'violation',
  paramsSchema: z.object({ minDays: z.number().min(0), minHours: z.number().min(0) }),
  defaults: { minDays: 3, minHours: 24 },
});

/** D5 第十七条: at least 3 days, or at least 24 class hours (either suffices; 2 days and 23 hours do not). */
export function checkTraining(
  days: number | null | undefined,
  hours: number | null | undefined,
  on: string,
  params: { minDays: number; minHours: number },
): Breach | null {
  if ((days ?? 0) >= params.minDays || (hours ?? 0) >= params.minHours) return null;
  return {
    rule: ruleOn(TRAINING, on),
    field: 'trainingDays',
    message: `集中培训时间一般不少于${params.minDays}天或不少于${params.minHours}个学时，现为${days ?? 0}天、${hours ?? 0}学时`,
  };
}

// ---------------------------------------------------------------------------------------------
// D6 — the branch assembly vote.

export const BRANCH_VOTE = underBothTexts<NoParams>({
  id: 'D6.branch-vote',
  title: '支部党员大会表决：到会超过半数，赞成票超过应到会有表决权正式党员的半数',
  article: '第二十、二十一条',
  severity: 'violation',
  paramsSchema: noParams,
  defaults: {},
});

/** Counts that cannot describe a real meeting (checked before the rule; a VALIDATION error). */
export function voteCountErrors(vote: VoteCounts): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (vote.present > vote.expected) {
    errors.push({ field: 'vote.present', message: '实到人数不能多于应到人数' });
  }
  if (vote.yes + vote.no + vote.abstain > vote.present) {
    errors.push({ field: 'vote.yes', message: '赞成、反对、弃权票之和不能多于实到人数' });
  }
  if (vote.votingFullMembers > vote.expected) {
    errors.push({ field: 'vote.votingFullMembers', message: '应到会有表决权的正式党员不能多于应到人数' });
  }
  return errors;
}

/**
 * D6 第二十、二十一条: quorum — the voting members present are more than half of those who should
 * attend (exactly half is not enough); passed — the yes-votes are more than half of the voting full
 * members who should attend (exactly half fails). Each person is voted on separately (one record each).
 */
export function checkVote(vote: VoteCounts, on: string): Breach | null {
  const rule = ruleOn(BRANCH_VOTE, on);
  if (vote.present * 2 <= vote.expected) {
    return {
      rule,
      field: 'vote.present',
      message: `有表决权的到会党员 ${vote.present} 人，未超过应到会有表决权党员 ${vote.expected} 人的半数，会议不能进行表决`,
    };
  }
  if (vote.yes * 2 <= vote.votingFullMembers) {
    return {
      rule,
      field: 'vote.yes',
      message: `赞成票 ${vote.yes} 票，未超过应到会有表决权的正式党员 ${vote.votingFullMembers} 人的半数，决议未通过`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// D7 — approval by a 党委 with the authority, within 3 (at most 6) months.

export const APPROVING_COMMITTEE = underBothTexts<NoParams>({
  id: 'D7.approving-committee',
  title: '只有具有审批权限的基层党委才能审批（党总支、村和社区党委不能审批）',
  article: '',
  severity: 'violation',
  paramsSchema: noParams,
  defaults: {},
});

/** The facts about a would-be approver that D7 looks at. */
export interface ApproverFacts {
  name: string;
  type: string;
  isAncestor: boolean;
  hasAuthority: boolean;
}

/** D7: the approver is a 党委 above the branch that was granted the authority (see admission_authorities). */
export function checkApprover(approver: ApproverFacts, on: string): Breach | null {
  const rule = ruleOn(APPROVING_COMMITTEE, on);
  if (!approver.isAncestor) {
    return { rule, field: 'actingOrgId', message: `“${approver.name}”不是该党支部的上级党组织` };
  }
  if (approver.type !== 'party_committee' && approver.type !== 'working_committee') {
    return { rule, field: 'actingOrgId', message: `“${approver.name}”不是基层党委，不能审批` };
  }
  if (!approver.hasAuthority) {
    return {
      rule,
      field: 'actingOrgId',
      message: `“${approver.name}”未被赋予审批发展党员的权限（党总支、村和社区党委不能审批）`,
    };
  }
  return null;
}

/** Granting the authority: only to a 党委 or 党工委 (never a 党总支 or a branch). */
export function checkAuthorityGrant(org: { name: string; type: string }, on: string): Breach | null {
  if (org.type === 'party_committee' || org.type === 'working_committee') return null;
  return {
    rule: ruleOn(APPROVING_COMMITTEE, on),
    field: 'orgId',
    message: `“${org.name}”不是基层党委，不能被赋予审批发展党员的权限`,
  };
}

export const APPROVAL_WITHIN = underBothTexts<{ months: number; maxMonths: number }>({
  id: 'D7.approval-within',
  title: '上级党委在三个月内审批，特殊情况不超过六个月',
  article: '',
  severity: 'warning',
  paramsSchema: z.object({ months: z.number().int().min(1), maxMonths: z.number().int().min(1) }),
  defaults: { months: 3, maxMonths: 6 },
  evaluate: evaluateApprovalDue,
});

/**
 * D7: approval on or before addMonths(assembly, 3); up to addMonths(assembly, 6) only with the special
 * circumstances stated; never later (the branch then has to discuss again).
 */
export function checkApprovalWindow(
  admittedOn: string,
  approvedOn: string,
  specialReason: string | null | undefined,
  params: { months: number; maxMonths: number },
): Breach | null {
  const rule = ruleOn(APPROVAL_WITHIN, admittedOn);
  const due = addMonths(admittedOn, params.months);
  const latest = addMonths(admittedOn, params.maxMonths);
  if (approvedOn <= due) return null;
  if (approvedOn > latest) {
    return {
      rule,
      field: 'occurredOn',
      message: `支部党员大会（${admittedOn}）后超过${params.maxMonths}个月未审批，不能再审批，须由支部党员大会重新讨论`,
    };
  }
  if (!specialReason || specialReason.trim().length === 0) {
    return {
      rule,
      field: 'specialReason',
      message: `应在支部党员大会（${admittedOn}）后${params.months}个月内、即 ${due} 前审批；超过期限须说明特殊情况`,
    };
  }
  return null;
}

async function evaluateApprovalDue(
  ctx: RuleEvaluationContext,
  params: { months: number; maxMonths: number },
): Promise<Warning[]> {
  const people = await activePeople(ctx, inArray(developmentPeople.lastStep, [15, 16]));
  return people.flatMap((p) => {
    if (!p.admittedOn) return [];
    const rule = ruleOn(APPROVAL_WITHIN, p.admittedOn);
    const due = addMonths(p.admittedOn, params.months);
    if (due >= ctx.today) return [];
    const latest = addMonths(p.admittedOn, params.maxMonths);
    const isLapsed = latest < ctx.today;
    return [
      overdueWarning(
        isLapsed ? { ...rule, severity: 'violation' } : rule,
        p,
        isLapsed
          ? `“${p.name}”的接收预备党员决议（${p.admittedOn}）已超过${params.maxMonths}个月未审批，须重新讨论`
          : `“${p.name}”的接收预备党员决议（${p.admittedOn}）应于 ${due} 前审批，已超期`,
        isLapsed ? latest : due,
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// 2026 additions (switchable by parameter).

export const PUBLICITY_2026: RuleDefinition<{ isEnabled: boolean; minWorkingDays: number }> = {
  id: 'D2026.publicity',
  title: '确定发展对象前公示不少于5个工作日',
  citation: REVISION_2026_CITATION,
  severity: 'violation',
  effectiveFrom: REVISION_2026_FROM,
  paramsSchema: z.object({ isEnabled: z.boolean(), minWorkingDays: z.number().int().min(1).max(30) }),
  defaults: { isEnabled: true, minWorkingDays: 5 },
};

/**
 * 2026: before someone becomes a 发展对象 (step 7 on or after the effective date) a 公示 of at least
 * 5 working days (official calendar, both ends counted) ends no later than the day of the decision.
 */
export function checkPublicity(
  input: { candidateOn: string; from: string | null | undefined; to: string | null | undefined },
  calendar: WorkingDayCalendar,
  params: { isEnabled: boolean; minWorkingDays: number },
): Breach | null {
  if (!params.isEnabled || !isRuleInForce(PUBLICITY_2026, input.candidateOn)) return null;
  const rule = PUBLICITY_2026;
  if (!input.from || !input.to) {
    return { rule, field: 'publicityFrom', message: '确定发展对象前须经公示，请填写公示起止日期' };
  }
  if (input.to < input.from) {
    return { rule, field: 'publicityTo', message: '公示结束日不能早于开始日' };
  }
  if (input.to > input.candidateOn) {
    return { rule, field: 'publicityTo', message: `公示须在确定为发展对象（${input.candidateOn}）前结束` };
  }
  const days = countWorkingDays(calendar, input.from, input.to);
  if (days >= params.minWorkingDays) return null;
  return {
    rule,
    field: 'publicityFrom',
    message: `公示期 ${input.from} 至 ${input.to} 只有 ${days} 个工作日，应不少于 ${params.minWorkingDays} 个工作日`,
  };
}

export const ASSEMBLY_AFTER_PREREVIEW_2026: RuleDefinition<SwitchedMonths> = {
  id: 'D2026.assembly-after-prereview',
  title: '预审通过后一个月内召开支部党员大会讨论',
  citation: REVISION_2026_CITATION,
  severity: 'warning',
  effectiveFrom: REVISION_2026_FROM,
  paramsSchema: switchedMonths,
  defaults: { isEnabled: true, months: 1 },
  evaluate: evaluateAssemblyDue,
};

/** 2026: the first branch assembly on the person within a month of a pre-review passed on or after the effective date. */
export function checkAssemblyAfterPrereview(
  prereviewOn: string,
  assemblyOn: string,
  params: SwitchedMonths,
): Breach | null {
  if (!params.isEnabled || !isRuleInForce(ASSEMBLY_AFTER_PREREVIEW_2026, prereviewOn)) return null;
  const due = addMonths(prereviewOn, params.months);
  if (assemblyOn <= due) return null;
  return {
    rule: ASSEMBLY_AFTER_PREREVIEW_2026,
    field: 'occurredOn',
    message: `上级党委预审通过（${prereviewOn}）后应在${params.months}个月内、即 ${due} 前召开支部党员大会讨论`,
  };
}

async function evaluateAssemblyDue(ctx: RuleEvaluationContext, params: SwitchedMonths): Promise<Warning[]> {
  if (!params.isEnabled) return [];
  const p = developmentPeople;
  const people = await activePeople(
    ctx,
    and(
      inArray(p.lastStep, [13, 14]),
      sql`${p.admittedOn} is null`,
      gte(p.prereviewOn, REVISION_2026_FROM),
    ) as SQL,
  );
  return people.flatMap((person) => {
    if (!person.prereviewOn) return [];
    const due = addMonths(person.prereviewOn, params.months);
    if (due >= ctx.today) return [];
    return [
      overdueWarning(
        ASSEMBLY_AFTER_PREREVIEW_2026,
        person,
        `发展对象“${person.name}”预审通过（${person.prereviewOn}）后应于 ${due} 前召开支部党员大会讨论，已超期`,
        due,
      ),
    ];
  });
}

export const OATH_AFTER_APPROVAL_2026: RuleDefinition<SwitchedMonths> = {
  id: 'D2026.oath-after-approval',
  title: '上级党委批准后一个月内组织入党宣誓',
  citation: REVISION_2026_CITATION,
  severity: 'warning',
  effectiveFrom: REVISION_2026_FROM,
  paramsSchema: switchedMonths,
  defaults: { isEnabled: true, months: 1 },
  evaluate: evaluateOathDue,
};

/** 2026: the oath within a month of an approval given on or after the effective date. */
export function checkOathAfterApproval(
  approvedOn: string,
  oathOn: string,
  params: SwitchedMonths,
): Breach | null {
  if (!params.isEnabled || !isRuleInForce(OATH_AFTER_APPROVAL_2026, approvedOn)) return null;
  const due = addMonths(approvedOn, params.months);
  if (oathOn <= due) return null;
  return {
    rule: OATH_AFTER_APPROVAL_2026,
    field: 'occurredOn',
    message: `上级党委批准（${approvedOn}）后应在${params.months}个月内、即 ${due} 前组织入党宣誓`,
  };
}

async function evaluateOathDue(ctx: RuleEvaluationContext, params: SwitchedMonths): Promise<Warning[]> {
  if (!params.isEnabled) return [];
  const p = developmentPeople;
  const people = await activePeople(
    ctx,
    and(
      inArray(p.lastStep, [17, 18, 19]),
      sql`${p.oathOn} is null`,
      gte(p.approvedOn, REVISION_2026_FROM),
    ) as SQL,
  );
  return people.flatMap((person) => {
    if (!person.approvedOn) return [];
    const due = addMonths(person.approvedOn, params.months);
    if (due >= ctx.today) return [];
    return [
      overdueWarning(
        OATH_AFTER_APPROVAL_2026,
        person,
        `预备党员“${person.name}”批准（${person.approvedOn}）后应于 ${due} 前入党宣誓，已超期`,
        due,
      ),
    ];
  });
}

registerRules(
  ...STEP_ORDER,
  ...APPLICANT_AGE,
  ...TALK_WITHIN_MONTH,
  ...MENTORS,
  ...ACTIVIST_REVIEW,
  ...ACTIVIST_ONE_YEAR,
  ...SPONSORS,
  ...POLITICAL_REVIEW,
  ...TRAINING,
  ...BRANCH_VOTE,
  ...APPROVING_COMMITTEE,
  ...APPROVAL_WITHIN,
  PUBLICITY_2026,
  ASSEMBLY_AFTER_PREREVIEW_2026,
  OATH_AFTER_APPROVAL_2026,
);
