import { z } from 'zod';
import { GenderCode } from '../codes/memberStatus.ts';
import { dateIn, IsoDate, optionalText, PageQuery, PublicId, pageOf, text, Version } from './common.ts';
import { DATE_RANGES } from './limits.ts';

/** out: a member of ours living or working elsewhere; in: a member of another org taking part in ours. */
export const FlowingDirectionCode = z.enum(['out', 'in']);
export type FlowingDirectionCode = z.infer<typeof FlowingDirectionCode>;

export const FlowingStatusCode = z.enum(['active', 'returned', 'transferred', 'suspended', 'ended']);
export type FlowingStatusCode = z.infer<typeof FlowingStatusCode>;

export const ContactMethodCode = z.enum(['phone', 'message', 'visit', 'letter', 'other']);
export type ContactMethodCode = z.infer<typeof ContactMethodCode>;

/** A rule the record currently meets (shown next to it), with its citation. */
export const FlowingAlert = z.object({
  rule: z.string(),
  message: z.string(),
  citation: z.string(),
  dueOn: IsoDate.nullable(),
});
export type FlowingAlert = z.infer<typeof FlowingAlert>;

export const FlowingRecord = z.object({
  id: PublicId,
  direction: FlowingDirectionCode,
  status: FlowingStatusCode,
  memberId: PublicId.nullable(),
  name: z.string(),
  gender: GenderCode.nullable(),
  orgId: PublicId.describe('流出：所在党组织；流入：参加活动的党组织'),
  orgName: z.string(),
  place: z.string().describe('流出：流向地；流入：来自何处'),
  since: IsoDate.describe('外出（流入）日期'),
  workUnit: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  mobilityCardNo: z.string().nullable().describe('流动党员活动证编号'),
  expectedReturnOn: IsoDate.nullable(),
  isFixedPlace: z.boolean().describe('外出地点相对固定'),
  isAbroad: z.boolean(),
  isSettledAbroad: z.boolean(),
  homeOrgName: z.string().nullable().describe('流入：组织关系所在党组织'),
  homeOrgContact: z.string().nullable(),
  lostContactSince: IsoDate.nullable().describe('失去联系之日'),
  lastContactOn: IsoDate.nullable(),
  returnedOn: IsoDate.nullable(),
  suspendedOn: IsoDate.nullable().describe('停止党籍之日'),
  note: z.string().nullable(),
  alerts: z.array(FlowingAlert),
  version: z.number().int(),
});
export type FlowingRecord = z.infer<typeof FlowingRecord>;

export const FlowingContact = z.object({
  id: PublicId,
  contactedOn: IsoDate,
  method: ContactMethodCode,
  isReached: z.boolean(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type FlowingContact = z.infer<typeof FlowingContact>;

export const GetFlowingRecordResponse = FlowingRecord.extend({ contacts: z.array(FlowingContact) });
export type GetFlowingRecordResponse = z.infer<typeof GetFlowingRecordResponse>;

export const ListFlowingRequest = PageQuery.extend({
  direction: FlowingDirectionCode,
  orgId: PublicId.optional(),
  status: FlowingStatusCode.optional().describe('默认只列在外（active）'),
  q: text('关键词').max(50).optional(),
});
export type ListFlowingRequest = z.infer<typeof ListFlowingRequest>;
export const ListFlowingResponse = pageOf(FlowingRecord);
export type ListFlowingResponse = z.infer<typeof ListFlowingResponse>;

const placeFields = {
  place: text('地点').min(1, '请填写地点').max(200, '地点不超过 200 个字'),
  since: dateIn(DATE_RANGES.record, '外出（流入）日期'),
  workUnit: optionalText('工作单位', 100),
  phone: optionalText('联系电话', 30),
  mobilityCardNo: optionalText('流动党员活动证编号', 50),
  expectedReturnOn: dateIn(DATE_RANGES.plan, '预计返回日期').nullable().optional(),
  isFixedPlace: z.boolean().default(true),
  isAbroad: z.boolean().default(false),
  isSettledAbroad: z.boolean().default(false),
  note: optionalText('备注', 500, { isMultiline: true }),
};

export const CreateOutflowRequest = z.object({ memberId: PublicId, ...placeFields });
export type CreateOutflowRequest = z.infer<typeof CreateOutflowRequest>;

export const CreateInflowRequest = z.object({
  orgId: PublicId.describe('参加活动的党组织'),
  name: text('姓名').min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  gender: GenderCode.nullable().optional(),
  homeOrgName: text('组织关系所在党组织')
    .min(1, '请填写组织关系所在党组织')
    .max(200, '组织关系所在党组织不超过 200 个字'),
  homeOrgContact: optionalText('组织关系所在党组织联系方式', 100),
  ...placeFields,
});
export type CreateInflowRequest = z.infer<typeof CreateInflowRequest>;

export const UpdateFlowingRequest = z.object({
  place: text('地点').min(1, '请填写地点').max(200, '地点不超过 200 个字').optional(),
  workUnit: optionalText('工作单位', 100),
  phone: optionalText('联系电话', 30),
  mobilityCardNo: optionalText('流动党员活动证编号', 50),
  expectedReturnOn: dateIn(DATE_RANGES.plan, '预计返回日期').nullable().optional(),
  isFixedPlace: z.boolean().optional(),
  isAbroad: z.boolean().optional(),
  isSettledAbroad: z.boolean().optional(),
  homeOrgContact: optionalText('组织关系所在党组织联系方式', 100),
  note: optionalText('备注', 500, { isMultiline: true }),
  version: Version,
});
export type UpdateFlowingRequest = z.infer<typeof UpdateFlowingRequest>;

export const AddFlowingContactRequest = z.object({
  contactedOn: dateIn(DATE_RANGES.record, '联系日期'),
  method: ContactMethodCode,
  isReached: z.boolean().describe('是否联系上'),
  note: optionalText('备注', 500, { isMultiline: true }),
});
export type AddFlowingContactRequest = z.infer<typeof AddFlowingContactRequest>;

export const MarkLostContactRequest = z.object({
  since: dateIn(DATE_RANGES.record, '失去联系之日').describe('失去联系之日（最后一次联系上之后）'),
  note: optionalText('备注', 500, { isMultiline: true }),
  version: Version,
});
export type MarkLostContactRequest = z.infer<typeof MarkLostContactRequest>;

export const SuspendFlowingMemberRequest = z.object({
  suspendedOn: dateIn(DATE_RANGES.record, '停止党籍之日').describe('党组织决定停止党籍之日'),
  note: optionalText('备注', 500, { isMultiline: true }),
  version: Version,
});
export type SuspendFlowingMemberRequest = z.infer<typeof SuspendFlowingMemberRequest>;

export const ReturnFlowingRequest = z.object({
  returnedOn: dateIn(DATE_RANGES.record, '返回日期'),
  note: optionalText('备注', 500, { isMultiline: true }),
  version: Version,
});
export type ReturnFlowingRequest = z.infer<typeof ReturnFlowingRequest>;
