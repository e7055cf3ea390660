import {
  addDays,
  addMonths,
  addMonthsToMonth,
  DUES_CITATIONS,
  type DuesCategoryCode,
  FARMER_MAX_FEN,
  FARMER_MIN_FEN,
  firstDayOfMonth,
  isBasedDuesCategory,
  lastDayOfMonth,
  monthOf,
} from '@zhibu/shared';
import { z } from 'zod';
import { selectMembersWithoutProfile, selectProfilesNotReviewedSince } from '../modules/dues/dues.queries.ts';
import { type DuesRun, loadUnpaidRuns } from '../modules/dues/duesStandings.ts';
import { type Finding, toWarning } from './finding.ts';
import { RULE_DOCUMENTS as DOC } from './ruleDocuments.ts';
import { registerRules } from './ruleRegistry.ts';
import { membersInContext } from './ruleScope.ts';
import type { RuleDefinition } from './ruleTypes.ts';

// Dues (DOMAIN.md §2 P1–P4, 中组发〔2008〕3号). The standard itself is the pure function
// computeDuesStandard in packages/shared (shared by the web app and the CLI); the rules here are
// the guards the dues service applies and the warnings over the ledger.

const FROM = DOC.duesRegulation.from;
const noParams = z.object({});

export const banded: RuleDefinition<Record<string, never>> = {
  id: 'P1.banded-rates',
  title:
    '在岗职工以税后月工资为基数，按 0.5%、1%、1.5%、2% 分段交纳（整个基数按所在档比例）；年薪制按月实际收入',
  citation: DUES_CITATIONS.employed,
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: noParams as z.ZodType<Record<string, never>>,
  defaults: {},
};

export const retiredRates: RuleDefinition<Record<string, never>> = {
  id: 'P2.retired-rates',
  title: '离退休人员以离退休费为基数，5000元以下（含）交纳0.5%，以上交纳1%',
  citation: DUES_CITATIONS.retired,
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: noParams as z.ZodType<Record<string, never>>,
  defaults: {},
};

const FixedParams = z.object({
  farmerDefaultFen: z
    .number()
    .int()
    .min(FARMER_MIN_FEN)
    .max(FARMER_MAX_FEN)
    .describe('农民党员默认每月交纳（分，支部可在 20–100 分内另定）'),
});
export const fixedAmounts: RuleDefinition<z.infer<typeof FixedParams>> = {
  id: 'P3.fixed-amounts',
  title: '农民党员每月交纳0.2元至1元；学生、下岗失业、依靠最低生活保障金生活的党员每月交纳0.2元',
  citation: DUES_CITATIONS.fixed,
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: FixedParams,
  defaults: { farmerDefaultFen: FARMER_MIN_FEN },
};

export const hardship: RuleDefinition<Record<string, never>> = {
  id: 'P3.hardship',
  title: '生活困难的党员，经党支部研究、报上级党委批准，可以少交或免交党费',
  citation: DUES_CITATIONS.hardship,
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: noParams as z.ZodType<Record<string, never>>,
  defaults: {},
};

const BackPaymentParams = z.object({
  maxBackMonths: z.number().int().min(0).max(60).describe('补交党费的最长期限（月）'),
  maxAdvanceMonths: z.number().int().min(0).max(12).describe('可提前交纳的月数（按季度交纳为 2）'),
});
export type BackPaymentParams = z.infer<typeof BackPaymentParams>;
export const backPaymentLimit: RuleDefinition<BackPaymentParams> = {
  id: 'P4.back-payment-limit',
  title: '党费按月交纳（经同意可按季度）；补交党费的时间一般不超过6个月',
  citation: DUES_CITATIONS.backPayment,
  severity: 'violation',
  effectiveFrom: FROM,
  paramsSchema: BackPaymentParams,
  defaults: { maxBackMonths: 6, maxAdvanceMonths: 2 },
};

const ExtraParams = z.object({
  thresholdFen: z.number().int().min(1).describe('一次自愿多交党费达到此数额（分）的，全部上缴中央'),
});
export const extraToCentre: RuleDefinition<z.infer<typeof ExtraParams>> = {
  id: 'P4.extra-to-centre',
  title: '党员自愿一次多交纳党费1000元以上的，全部上缴中央',
  citation: DUES_CITATIONS.extraToCentre,
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: ExtraParams,
  defaults: { thresholdFen: 100_000 },
};

// ---------------------------------------------------------------------------------------------
// Warnings over the ledger.

const UnpaidParams = z
  .object({
    warnMonths: z.number().int().min(1).max(24).describe('连续未交多少个月开始预警'),
    lapseMonths: z.number().int().min(1).max(24).describe('连续未交多少个月按自行脱党处理'),
  })
  .refine((p) => p.warnMonths <= p.lapseMonths, { message: '预警月数不能大于脱党月数' });
type UnpaidParams = z.infer<typeof UnpaidParams>;

/** P4 第十三条: 6 consecutive months without dues → 自行脱党 (党章 第九条); warned from 3. */
export function checkUnpaidMonths(s: Pick<DuesRun, 'unpaid'>, p: UnpaidParams): Finding | null {
  const { months, fromMonth } = s.unpaid;
  if (fromMonth === null || months < p.warnMonths) return null;
  const since = firstDayOfMonth(fromMonth);
  if (months >= p.lapseMonths) {
    return {
      severity: 'violation',
      message: `自 ${fromMonth} 起已连续 ${months} 个月未交纳党费；没有正当理由连续 ${p.lapseMonths} 个月不交纳党费的，按自行脱党处理（党章第九条；党员教育管理工作条例第二十四、三十一条），请支部核实`,
      since,
      due: null,
    };
  }
  return {
    severity: 'warning',
    message: `自 ${fromMonth} 起已连续 ${months} 个月未交纳党费；连续 ${p.lapseMonths} 个月不交纳将按自行脱党处理`,
    since,
    due: lastDayOfMonth(addMonthsToMonth(fromMonth, p.lapseMonths - 1)),
  };
}

/** No standard recorded: nothing can be computed (probationary members pay from admission, 第八条). */
export function checkNoStandard(s: { member: { status: string; joinedOn: string } }): Finding {
  const isProbationary = s.member.status === 'probationary';
  return {
    severity: 'info',
    message: isProbationary
      ? '预备党员应从被批准为预备党员之日起交纳党费，尚未核定交纳标准'
      : '尚未核定党费交纳标准（类别与基数），无法计算应交党费和欠交',
    since: s.member.joinedOn,
    citation: isProbationary
      ? DUES_CITATIONS.probationary
      : { document: DOC.duesRegulation.name, article: '' },
  };
}

const ReviewParams = z.object({
  reviewMonths: z.number().int().min(1).max(60).describe('党费基数多少个月未核定即提醒'),
});
type ReviewParams = z.infer<typeof ReviewParams>;

/** Local practice: bases (wage, pension) are reviewed once a year; fixed amounts need no review. */
export function checkReviewDue(
  s: { current: { category: DuesCategoryCode; effectiveFrom: string; reviewedOn: string | null } | null },
  p: ReviewParams,
  today: string,
): Finding | null {
  const c = s.current;
  if (!c || !isBasedDuesCategory(c.category)) return null;
  const last = c.reviewedOn ?? c.effectiveFrom;
  const due = addMonths(last, p.reviewMonths);
  if (today <= due) return null;
  return {
    severity: 'info',
    message: `党费基数自 ${last} 起未再核定，已超过 ${p.reviewMonths} 个月`,
    since: due,
  };
}

export const unpaidMonths: RuleDefinition<UnpaidParams> = {
  id: 'P4.unpaid-months',
  title: '连续6个月不交纳党费按自行脱党处理（3个月起预警）',
  citation: DUES_CITATIONS.lapse,
  severity: 'violation',
  effectiveFrom: FROM,
  paramsSchema: UnpaidParams,
  defaults: { warnMonths: 3, lapseMonths: 6 },
  async evaluate(ctx, params) {
    const runs = await loadUnpaidRuns(ctx.db, membersInContext(ctx), ctx.today, params.warnMonths);
    return runs.flatMap((run: DuesRun) => {
      const finding = checkUnpaidMonths(run, params);
      return finding
        ? [toWarning(unpaidMonths, { orgId: run.member.orgId, memberId: run.member.id }, finding)]
        : [];
    });
  },
};

export const noStandard: RuleDefinition<Record<string, never>> = {
  id: 'P4.no-standard',
  title: '未核定党费交纳标准（预备党员从批准之日起交纳党费）',
  citation: DUES_CITATIONS.probationary,
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: noParams as z.ZodType<Record<string, never>>,
  defaults: {},
  async evaluate(ctx) {
    const rows = await selectMembersWithoutProfile(ctx.db, membersInContext(ctx));
    return rows.map((m) =>
      toWarning(noStandard, { orgId: m.orgId, memberId: m.id }, checkNoStandard({ member: m })),
    );
  },
};

export const reviewDue: RuleDefinition<ReviewParams> = {
  id: 'P1.base-review-due',
  title: '党费基数每年核定一次（地方实践，参数可调）',
  citation: { document: DOC.duesRegulation.name, article: '' },
  severity: 'info',
  effectiveFrom: FROM,
  paramsSchema: ReviewParams,
  defaults: { reviewMonths: 12 },
  async evaluate(ctx, params) {
    // The database narrows with a few days' margin; checkReviewDue decides to the day.
    const reviewedBy = addDays(addMonths(ctx.today, -params.reviewMonths), 3);
    const rows = await selectProfilesNotReviewedSince(
      ctx.db,
      membersInContext(ctx),
      lastDayOfMonth(monthOf(ctx.today)),
      reviewedBy,
    );
    return rows.flatMap((p) => {
      const finding = checkReviewDue({ current: p }, params, ctx.today);
      return finding ? [toWarning(reviewDue, { orgId: p.orgId, memberId: p.memberId }, finding)] : [];
    });
  },
};

registerRules(
  ...([
    banded,
    retiredRates,
    fixedAmounts,
    hardship,
    backPaymentLimit,
    extraToCentre,
    unpaidMonths,
    noStandard,
    reviewDue,
  ] as unknown as RuleDefinition[]),
);
