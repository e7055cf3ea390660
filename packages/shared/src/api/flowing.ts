import { z } from 'zod';
import { GenderCode } from '../codes/memberStatus.ts';
import { IsoDate, PageQuery, PublicId, pageOf } from './common.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

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
  q: z.string().trim().max(50).optional(),
});
export type ListFlowingRequest = z.infer<typeof ListFlowingRequest>;
export const ListFlowingResponse = pageOf(FlowingRecord);
export type ListFlowingResponse = z.infer<typeof ListFlowingResponse>;

const placeFields = {
  place: z.string().trim().min(1, '请填写地点').max(200),
  since: IsoDate,
  workUnit: optionalText(100),
  phone: z.string().trim().max(30).nullable().optional(),
  mobilityCardNo: optionalText(50),
  expectedReturnOn: IsoDate.nullable().optional(),
  isFixedPlace: z.boolean().default(true),
  isAbroad: z.boolean().default(false),
  isSettledAbroad: z.boolean().default(false),
  note: optionalText(500),
};

export const CreateOutflowRequest = z.object({ memberId: PublicId, ...placeFields });
export type CreateOutflowRequest = z.infer<typeof CreateOutflowRequest>;

export const CreateInflowRequest = z.object({
  orgId: PublicId.describe('参加活动的党组织'),
  name: z.string().trim().min(1, '请填写姓名').max(50),
  gender: GenderCode.nullable().optional(),
  homeOrgName: z.string().trim().min(1, '请填写组织关系所在党组织').max(200),
  homeOrgContact: optionalText(100),
  ...placeFields,
});
export type CreateInflowRequest = z.infer<typeof CreateInflowRequest>;

export const UpdateFlowingRequest = z.object({
  place: z.string().trim().min(1).max(200).optional(),
  workUnit: optionalText(100),
  phone: z.string().trim().max(30).nullable().optional(),
  mobilityCardNo: optionalText(50),
  expectedReturnOn: IsoDate.nullable().optional(),
  isFixedPlace: z.boolean().optional(),
  isAbroad: z.boolean().optional(),
  isSettledAbroad: z.boolean().optional(),
  homeOrgContact: optionalText(100),
  note: optionalText(500),
  version: z.number().int(),
});
export type UpdateFlowingRequest = z.infer<typeof UpdateFlowingRequest>;

export const AddFlowingContactRequest = z.object({
  contactedOn: IsoDate,
  method: ContactMethodCode,
  isReached: z.boolean().describe('是否联系上'),
  note: optionalText(500),
});
export type AddFlowingContactRequest = z.infer<typeof AddFlowingContactRequest>;

export const MarkLostContactRequest = z.object({
  since: IsoDate.describe('失去联系之日（最后一次联系上之后）'),
  note: optionalText(500),
  version: z.number().int(),
});
export type MarkLostContactRequest = z.infer<typeof MarkLostContactRequest>;

export const SuspendFlowingMemberRequest = z.object({
  suspendedOn: IsoDate.describe('党组织决定停止党籍之日'),
  note: optionalText(500),
  version: z.number().int(),
});
export type SuspendFlowingMemberRequest = z.infer<typeof SuspendFlowingMemberRequest>;

export const ReturnFlowingRequest = z.object({
  returnedOn: IsoDate,
  note: optionalText(500),
  version: z.number().int(),
});
export type ReturnFlowingRequest = z.infer<typeof ReturnFlowingRequest>;
