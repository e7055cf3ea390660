import { z } from 'zod';
import { MemberStatusCode } from '../codes/memberStatus.ts';
import { isValidYearMonth } from '../date/yearMonth.ts';
import { DuesCategoryCode } from '../dues/duesCategory.ts';
import { MAX_AMOUNT_FEN } from '../dues/parseYuan.ts';
import { dateIn, IsoDate, optionalText, PageQuery, PublicId, pageOf, text } from './common.ts';
import { DATE_RANGES, MONTH_RANGE, NUMBER_LIMITS } from './limits.ts';

export const YearMonth = z.string().refine(isValidYearMonth, '月份格式应为 YYYY-MM').describe('月份 YYYY-MM');
/** A month in a request: also within MONTH_RANGE, so month arithmetic cannot leave the calendar. */
const MonthInRange = YearMonth.refine(
  (m) => m >= MONTH_RANGE.min && m <= MONTH_RANGE.max,
  `月份应在 ${MONTH_RANGE.min} 至 ${MONTH_RANGE.max} 之间`,
);

/** Money in integer fen (分). */
export const Fen = z
  .number()
  .int('金额以分为单位，应为整数')
  .min(0, '金额不能为负数')
  .max(MAX_AMOUNT_FEN, '金额过大');
/** One payment: positive and at most NUMBER_LIMITS.maxPaymentFen. */
const PaymentFen = Fen.min(1, '金额应大于 0').max(NUMBER_LIMITS.maxPaymentFen, '单笔金额不超过 1000 万元');

export const DuesHardship = z.object({
  reason: text('困难情况', { isMultiline: true })
    .min(1, '请填写困难情况')
    .max(500, '困难情况不超过 500 个字'),
  decidedOn: dateIn(DATE_RANGES.record, '党支部研究决定的日期').describe('党支部研究决定的日期'),
  approvedBy: text('批准的上级党委')
    .min(1, '请填写批准的上级党委')
    .max(100, '批准的上级党委不超过 100 个字')
    .describe('批准的上级党委'),
  approvedOn: dateIn(DATE_RANGES.record, '上级党委批准的日期').describe('上级党委批准的日期'),
});
export type DuesHardship = z.infer<typeof DuesHardship>;

export const DuesProfile = z.object({
  id: PublicId,
  category: DuesCategoryCode,
  baseFen: z.number().int().nullable().describe('党费基数（分）'),
  amountFen: z.number().int().nullable().describe('农民党员由支部确定的数额 / 减免后的数额（分）'),
  rate: z.number().nullable().describe('交纳比例，如 0.005；定额时为 null'),
  standardFen: z.number().int().describe('每月应交（分）'),
  effectiveFrom: IsoDate,
  reviewedOn: IsoDate.nullable(),
  hardship: DuesHardship.nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DuesProfile = z.infer<typeof DuesProfile>;

const profileFields = {
  category: DuesCategoryCode,
  baseFen: Fen.max(NUMBER_LIMITS.maxDuesBaseFen, '党费基数不超过每月 1000 万元')
    .nullable()
    .optional()
    .describe('党费基数（分）：在岗职工、年薪制、离退休必填'),
  amountFen: Fen.max(NUMBER_LIMITS.maxDuesAmountFen, '每月交纳数额不超过 10 万元')
    .nullable()
    .optional()
    .describe('农民党员 20–100 分（默认 20）；生活困难减免后的数额（免交为 0）'),
  effectiveFrom: dateIn(DATE_RANGES.record, '执行日期').describe('自何日起执行'),
  note: optionalText('备注', 500, { isMultiline: true }),
};

export const SetDuesProfileRequest = z.object({
  ...profileFields,
  reviewedOn: dateIn(DATE_RANGES.record, '核定日期')
    .nullable()
    .optional()
    .describe('核定日期（每年核定一次）'),
  hardship: DuesHardship.nullable().optional().describe('生活困难减免时必填：支部决定与上级批准'),
});
export type SetDuesProfileRequest = z.infer<typeof SetDuesProfileRequest>;

export const SetDuesProfilesRequest = z.object({
  ...profileFields,
  orgId: PublicId.describe('党员所在组织（含下级）'),
  memberIds: z.array(PublicId).min(1).max(1000),
});
export type SetDuesProfilesRequest = z.infer<typeof SetDuesProfilesRequest>;
export const SetDuesProfilesResponse = z.object({ count: z.number().int(), standardFen: z.number().int() });

export const DuesPaymentKind = z.enum(['monthly', 'extra', 'reversal']);
export type DuesPaymentKind = z.infer<typeof DuesPaymentKind>;

export const DuesPayment = z.object({
  id: PublicId,
  memberId: PublicId,
  memberName: z.string(),
  orgId: PublicId,
  orgName: z.string(),
  kind: DuesPaymentKind,
  month: YearMonth.nullable(),
  amountFen: z.number().int(),
  standardFen: z.number().int().nullable(),
  centreFen: z.number().int().describe('全额上缴中央的部分（分）'),
  paidOn: IsoDate,
  batchId: PublicId.nullable(),
  reversesId: PublicId.nullable(),
  reversedById: PublicId.nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DuesPayment = z.infer<typeof DuesPayment>;

export const RecordDuesPaymentRequest = z
  .object({
    memberId: PublicId,
    kind: z
      .enum(['monthly', 'extra'])
      .default('monthly')
      .describe('monthly 按月交纳（含补交）；extra 自愿多交'),
    month: MonthInRange.optional().describe('所交月份（monthly 必填）'),
    amountFen: PaymentFen,
    paidOn: dateIn(DATE_RANGES.record, '收缴日期').describe('收缴日期'),
    note: optionalText('备注', 500, { isMultiline: true }),
  })
  .refine((v) => v.kind !== 'monthly' || v.month !== undefined, {
    message: '请选择所交月份',
    path: ['month'],
  });
export type RecordDuesPaymentRequest = z.infer<typeof RecordDuesPaymentRequest>;

export const ReverseDuesPaymentRequest = z.object({
  reason: text('冲正原因', { isMultiline: true })
    .min(1, '请填写冲正原因')
    .max(500, '冲正原因不超过 500 个字'),
});
export type ReverseDuesPaymentRequest = z.infer<typeof ReverseDuesPaymentRequest>;

export const CollectDuesRequest = z.object({
  orgId: PublicId,
  month: MonthInRange,
  paidOn: dateIn(DATE_RANGES.record, '收缴日期').describe('收缴日期'),
  items: z
    .array(z.object({ memberId: PublicId, amountFen: PaymentFen }))
    .min(1, '请至少选择一名党员')
    .max(1000),
  note: optionalText('备注', 500, { isMultiline: true }),
});
export type CollectDuesRequest = z.infer<typeof CollectDuesRequest>;
export const CollectDuesResponse = z.object({
  batchId: PublicId,
  count: z.number().int(),
  totalFen: z.number().int(),
  centreFen: z.number().int(),
});
export type CollectDuesResponse = z.infer<typeof CollectDuesResponse>;

export const DuesMonthState = z
  .enum(['paid', 'partial', 'unpaid', 'no_standard', 'waived', 'not_due'])
  .describe('已交 / 未交足 / 未交 / 未设标准 / 免交 / 不需交纳（未入党或已减少）');
export type DuesMonthState = z.infer<typeof DuesMonthState>;

export const DuesSheetRequest = z.object({ orgId: PublicId, month: MonthInRange });
export const DuesSheetRow = z.object({
  memberId: PublicId,
  name: z.string(),
  orgName: z.string(),
  status: MemberStatusCode,
  category: DuesCategoryCode.nullable(),
  baseFen: z.number().int().nullable(),
  standardFen: z.number().int().nullable(),
  paidFen: z.number().int(),
  state: DuesMonthState,
  arrearsMonths: z.array(YearMonth).describe('可补交期限内欠交的月份（不含所选月份）'),
  arrearsFen: z.number().int(),
  consecutiveUnpaidMonths: z.number().int(),
});
export type DuesSheetRow = z.infer<typeof DuesSheetRow>;
export const DuesSheetResponse = z.object({
  org: z.object({ id: PublicId, name: z.string() }),
  month: YearMonth,
  rows: z.array(DuesSheetRow),
  totals: z.object({
    members: z.number().int(),
    standardFen: z.number().int(),
    paidFen: z.number().int(),
    paidCount: z.number().int(),
    unpaidCount: z.number().int(),
    noStandardCount: z.number().int(),
  }),
  backPaymentMonths: z.number().int().describe('可补交的最长月数（规则参数）'),
});
export type DuesSheetResponse = z.infer<typeof DuesSheetResponse>;

export const MemberDuesResponse = z.object({
  memberId: PublicId,
  name: z.string(),
  status: MemberStatusCode,
  joinedOn: IsoDate,
  current: DuesProfile.nullable(),
  profiles: z.array(DuesProfile),
  payments: z.array(DuesPayment),
  months: z
    .array(
      z.object({
        month: YearMonth,
        standardFen: z.number().int().nullable(),
        paidFen: z.number().int(),
        state: DuesMonthState,
      }),
    )
    .describe('近 12 个月'),
  arrearsFen: z.number().int(),
  arrearsMonths: z.array(YearMonth),
  consecutiveUnpaidMonths: z.number().int(),
  lastPaidMonth: YearMonth.nullable(),
});
export type MemberDuesResponse = z.infer<typeof MemberDuesResponse>;

export const ListDuesArrearsRequest = PageQuery.extend({
  orgId: PublicId.optional(),
  minMonths: z.coerce.number().int().min(1).max(120).default(1).describe('连续未交月数至少'),
});
export const DuesArrearsItem = z.object({
  memberId: PublicId,
  name: z.string(),
  orgId: PublicId,
  orgName: z.string(),
  status: MemberStatusCode,
  standardFen: z.number().int().nullable(),
  arrearsMonths: z.array(YearMonth),
  arrearsFen: z.number().int(),
  consecutiveUnpaidMonths: z.number().int(),
  lastPaidMonth: YearMonth.nullable(),
});
export type DuesArrearsItem = z.infer<typeof DuesArrearsItem>;
export const ListDuesArrearsResponse = pageOf(DuesArrearsItem).extend({
  totalFen: z.number().int().describe('全部欠交金额（分）'),
  byOrg: z
    .array(
      z.object({ orgId: PublicId, orgName: z.string(), members: z.number().int(), fen: z.number().int() }),
    )
    .describe('按党员所在组织汇总'),
});
export type ListDuesArrearsResponse = z.infer<typeof ListDuesArrearsResponse>;

export const ListDuesPaymentsRequest = PageQuery.extend({
  orgId: PublicId.optional(),
  memberId: PublicId.optional(),
  month: MonthInRange.optional(),
});
export const ListDuesPaymentsResponse = pageOf(DuesPayment);

export const DuesSummaryRequest = z.object({
  orgId: PublicId,
  year: z.coerce.number().int().min(2000).max(2100),
});
export const DuesSummaryMonth = z.object({
  month: YearMonth,
  members: z.number().int().describe('应交人数'),
  payers: z.number().int().describe('已交人数'),
  standardFen: z.number().int().describe('应交金额'),
  collectedFen: z.number().int().describe('实收金额（含补交、多交，扣除冲正）'),
  centreFen: z.number().int().describe('其中全额上缴中央'),
});
export const DuesSummaryResponse = z.object({
  org: z.object({ id: PublicId, name: z.string() }),
  year: z.number().int(),
  months: z.array(DuesSummaryMonth),
  totals: DuesSummaryMonth.omit({ month: true }),
});
export type DuesSummaryResponse = z.infer<typeof DuesSummaryResponse>;
