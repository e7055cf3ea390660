import { z } from 'zod';
import { GenderCode } from '../codes/memberStatus.ts';
import { DevelopmentStageCode } from '../development/developmentSteps.ts';
import { dateIn, IsoDate, optionalText, PageQuery, PublicId, pageOf, text, Version } from './common.ts';
import { DATE_RANGES } from './limits.ts';

/** Lifecycle of a pipeline record: in progress, archived after step 25, or ended early. */
export const DevelopmentStatusCode = z.enum(['active', 'completed', 'withdrawn', 'cancelled']);
export type DevelopmentStatusCode = z.infer<typeof DevelopmentStatusCode>;

/** A deadline the pipeline is waiting on, with the regulation that sets it. */
export const DevelopmentDeadline = z.object({
  rule: z.string().describe('规则标识'),
  step: z.number().int().describe('等待办理的步骤'),
  dueOn: IsoDate,
  isOverdue: z.boolean(),
  message: z.string(),
  citation: z.string(),
});
export type DevelopmentDeadline = z.infer<typeof DevelopmentDeadline>;

export const DevelopmentPersonListItem = z.object({
  id: PublicId,
  orgId: PublicId,
  orgName: z.string(),
  name: z.string(),
  gender: GenderCode,
  stage: DevelopmentStageCode,
  status: DevelopmentStatusCode,
  lastStep: z.number().int().describe('最近完成的步骤'),
  lastStepOn: IsoDate,
  nextSteps: z.array(z.number().int()).describe('下一步可办理的步骤'),
  dueOn: IsoDate.nullable().describe('最近的办理期限'),
  dueRule: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type DevelopmentPersonListItem = z.infer<typeof DevelopmentPersonListItem>;

export const DevelopmentPerson = DevelopmentPersonListItem.extend({
  idNumberMasked: z.string(),
  birthDate: IsoDate,
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  workUnit: z.string().nullable(),
  post: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  appliedOn: IsoDate.nullable(),
  activistOn: IsoDate.nullable(),
  candidateOn: IsoDate.nullable(),
  admittedOn: IsoDate.nullable().describe('支部党员大会通过接收为预备党员之日（入党日期）'),
  approvedOn: IsoDate.nullable(),
  probationEndsOn: IsoDate.nullable(),
  extensionMonths: z.number().int().nullable(),
  confirmedOn: IsoDate.nullable().describe('转正日期（预备期满之日）'),
  partyAgeYears: z.number().int().nullable().describe('党龄（自转正之日起计算）'),
  isTransferredIn: z.boolean(),
  transferredInOn: IsoDate.nullable(),
  resumedAfterStep: z.number().int().nullable().describe('在外单位或系统外已完成至第几步'),
  memberId: PublicId.nullable(),
  withdrawnOn: IsoDate.nullable(),
  withdrawnReason: z.string().nullable(),
  deadlines: z.array(DevelopmentDeadline),
  version: z.number().int(),
});
export type DevelopmentPerson = z.infer<typeof DevelopmentPerson>;

export const VoteCounts = z.object({
  expected: z.number().int().min(1).max(100000).describe('应到会有表决权的党员人数'),
  present: z.number().int().min(0).max(100000).describe('实到会有表决权的党员人数'),
  yes: z.number().int().min(0).max(100000).describe('赞成'),
  no: z.number().int().min(0).max(100000).describe('反对'),
  abstain: z.number().int().min(0).max(100000).describe('弃权'),
  votingFullMembers: z
    .number()
    .int()
    .min(1)
    .max(100000)
    .describe('应到会有表决权的正式党员人数（赞成票须超过其半数）'),
});
export type VoteCounts = z.infer<typeof VoteCounts>;

export const StepDecisionCode = z.enum(['approve', 'reject', 'convert', 'extend', 'cancel']);
export type StepDecisionCode = z.infer<typeof StepDecisionCode>;

export const PersonRef = z.object({ id: PublicId, name: z.string() });

export const DevelopmentStepRecord = z.object({
  id: PublicId,
  step: z.number().int(),
  round: z.number().int().describe('第几轮（延长预备期后转正程序重新进行）'),
  occurredOn: IsoDate,
  actingOrg: z.object({ id: PublicId.nullable(), name: z.string() }).nullable(),
  responsible: z.string().nullable().describe('谈话人、经办人等'),
  documentNo: z.string().nullable().describe('文件、记录或材料编号'),
  attachmentName: z.string().nullable().describe('材料名称'),
  note: z.string().nullable(),
  vote: VoteCounts.nullable(),
  decision: StepDecisionCode.nullable(),
  mentors: z.array(PersonRef),
  sponsors: z.array(PersonRef),
  conclusion: z.string().nullable(),
  trainingDays: z.number().nullable(),
  classHours: z.number().nullable(),
  publicityFrom: IsoDate.nullable(),
  publicityTo: IsoDate.nullable(),
  publicityWorkingDays: z.number().int().nullable(),
  extensionMonths: z.number().int().nullable(),
  specialReason: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DevelopmentStepRecord = z.infer<typeof DevelopmentStepRecord>;

export const ChecklistStatusCode = z.enum(['done', 'next', 'pending', 'external']);

export const DevelopmentChecklistItem = z.object({
  step: z.number().int(),
  status: ChecklistStatusCode,
  records: z.array(DevelopmentStepRecord),
});

export const GetDevelopmentPersonResponse = DevelopmentPerson.extend({
  checklist: z.array(DevelopmentChecklistItem),
  committees: z
    .array(z.object({ id: PublicId, name: z.string(), canApprove: z.boolean() }))
    .describe('上级党委（本人有权限代其记录的）：预审、审批时选择'),
  canRecordCommitteeSteps: z.boolean(),
});
export type GetDevelopmentPersonResponse = z.infer<typeof GetDevelopmentPersonResponse>;

export const ListDevelopmentPeopleRequest = PageQuery.extend({
  orgId: PublicId.optional().describe('组织（含全部下级）'),
  stage: DevelopmentStageCode.optional(),
  status: DevelopmentStatusCode.optional().describe('默认只列进行中'),
  q: text('关键词').max(50).optional(),
  isOverdue: z.stringbool().optional().describe('只列已超期的'),
});
export type ListDevelopmentPeopleRequest = z.infer<typeof ListDevelopmentPeopleRequest>;
export const ListDevelopmentPeopleResponse = pageOf(DevelopmentPersonListItem);
export type ListDevelopmentPeopleResponse = z.infer<typeof ListDevelopmentPeopleResponse>;

export const GetDevelopmentBoardRequest = z.object({ orgId: PublicId.optional() });
export const DevelopmentBoard = z.object({
  org: z.object({ id: PublicId, name: z.string() }).nullable(),
  asOf: IsoDate,
  stages: z.array(
    z.object({
      stage: DevelopmentStageCode,
      count: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});
export type DevelopmentBoard = z.infer<typeof DevelopmentBoard>;

const personFields = {
  name: text('姓名').min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  idNumber: text('公民身份号码').min(1, '请填写公民身份号码').max(30),
  gender: GenderCode.optional(),
  ethnicity: optionalText('民族', 20),
  education: optionalText('学历', 20),
  workUnit: optionalText('工作单位', 100),
  post: optionalText('职务', 50),
  phone: optionalText('联系电话', 30),
  address: optionalText('家庭住址', 200),
};

/** Step 1: a person hands in the application (递交入党申请书). */
export const CreateApplicantRequest = z.object({
  orgId: PublicId.describe('接收申请的党支部'),
  ...personFields,
  appliedOn: dateIn(DATE_RANGES.record, '递交入党申请书的日期').describe('递交入党申请书的日期'),
  documentNo: optionalText('文件编号', 100),
  note: optionalText('备注', 1000, { isMultiline: true }),
});
export type CreateApplicantRequest = z.infer<typeof CreateApplicantRequest>;

export const UpdateApplicantRequest = z.object(personFields).partial().extend({ version: Version });
export type UpdateApplicantRequest = z.infer<typeof UpdateApplicantRequest>;

export const WithdrawApplicantRequest = z.object({
  withdrawnOn: dateIn(DATE_RANGES.record, '终止日期'),
  reason: text('原因', { isMultiline: true }).min(1, '请填写原因').max(500, '原因不超过 500 个字'),
  version: Version,
});
export type WithdrawApplicantRequest = z.infer<typeof WithdrawApplicantRequest>;

/** A probationary member already on the register (transferred in, or admitted before zhibu) joins the pipeline at step 19+. */
export const ResumeProbationRequest = z.object({
  memberId: PublicId,
  resumeAfterStep: z.number().int().min(18).max(22).describe('已完成至第几步（18–22）'),
  isTransferredIn: z.boolean().default(false),
  transferredInOn: dateIn(DATE_RANGES.record, '转入日期').nullable().optional(),
});
export type ResumeProbationRequest = z.infer<typeof ResumeProbationRequest>;

export const RecordStepRequest = z.object({
  step: z.number().int().min(2).max(25),
  occurredOn: dateIn(DATE_RANGES.record, '办理日期'),
  actingOrgId: PublicId.nullable().optional().describe('上级党委（预审、审批）'),
  actingOrgName: optionalText('组织名称', 100).describe('组织名称（如备案的组织部门）'),
  responsible: optionalText('经办人', 100).describe('谈话人、经办人等'),
  documentNo: optionalText('文件编号', 100),
  attachmentName: optionalText('材料名称', 200),
  note: optionalText('备注', 1000, { isMultiline: true }),
  mentorIds: z.array(PublicId).max(5).optional().describe('培养联系人（党员）'),
  sponsorIds: z.array(PublicId).max(5).optional().describe('入党介绍人（党员）'),
  conclusion: optionalText('政治审查结论', 2000, { isMultiline: true }).describe('政治审查结论'),
  trainingDays: z.number().min(0).max(366).nullable().optional().describe('集中培训天数'),
  classHours: z.number().min(0).max(2000).nullable().optional().describe('集中培训学时'),
  publicityFrom: dateIn(DATE_RANGES.record, '公示开始日').nullable().optional().describe('公示开始日'),
  publicityTo: dateIn(DATE_RANGES.record, '公示结束日').nullable().optional().describe('公示结束日'),
  vote: VoteCounts.nullable().optional(),
  decision: StepDecisionCode.nullable().optional(),
  extensionMonths: z.number().int().min(1).max(24).nullable().optional().describe('延长预备期月数'),
  specialReason: optionalText('特殊情况说明', 500, { isMultiline: true }).describe(
    '审批超过三个月的特殊情况说明',
  ),
  groupOrgId: PublicId.nullable().optional().describe('编入的党小组'),
  version: Version,
});
export type RecordStepRequest = z.infer<typeof RecordStepRequest>;

export const AdmissionAuthority = z.object({
  orgId: PublicId,
  orgName: z.string(),
  orgType: z.string(),
  grantedOn: IsoDate,
  basis: z.string().nullable().describe('授权依据（文件）'),
});
export type AdmissionAuthority = z.infer<typeof AdmissionAuthority>;
export const ListAdmissionAuthoritiesResponse = z.object({ items: z.array(AdmissionAuthority) });
export const GrantAdmissionAuthorityRequest = z.object({
  grantedOn: dateIn(DATE_RANGES.record, '授权日期'),
  basis: optionalText('授权依据', 200),
});
export type GrantAdmissionAuthorityRequest = z.infer<typeof GrantAdmissionAuthorityRequest>;

export const CalendarDayKind = z.enum(['day_off', 'make_up']);
export const CalendarDay = z.object({
  date: IsoDate,
  kind: CalendarDayKind.describe('day_off 放假；make_up 调休上班'),
  name: z.string().trim().max(50),
});
/** A day as an administrator enters it (the response above may carry any stored day). */
const CalendarDayInput = CalendarDay.extend({
  date: dateIn(DATE_RANGES.record, '日期'),
  name: text('节日名称').max(50, '节日名称不超过 50 个字'),
});
export const CalendarYear = z.object({
  year: z.number().int(),
  isOfficial: z.boolean().describe('是否已载入国务院办公厅当年的节假日安排'),
  source: z.string().nullable(),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
export const PutCalendarYearRequest = z.object({
  source: text('通知名称和文号').min(1, '请填写通知名称和文号').max(200).describe('通知名称和文号'),
  days: z.array(CalendarDayInput).max(400),
});
export type PutCalendarYearRequest = z.infer<typeof PutCalendarYearRequest>;
