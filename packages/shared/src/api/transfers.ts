import { z } from 'zod';
import { GenderCode, MemberStatusCode } from '../codes/memberStatus.ts';
import { dateIn, IsoDate, optionalText, PageQuery, PublicId, pageOf, text, Version } from './common.ts';
import { DATE_RANGES } from './limits.ts';

/** within: between two orgs of this system; out: to an org outside it (介绍信); in: from outside into it. */
export const TransferKindCode = z.enum(['within', 'out', 'in']);
export type TransferKindCode = z.infer<typeof TransferKindCode>;

/**
 * Stored states. within / in: initiated → accepted | returned (| cancelled by the sender);
 * out: issued → receipt_returned (| cancelled). An issued letter past its validity is shown as expired.
 */
export const TransferStatusCode = z.enum([
  'initiated',
  'accepted',
  'returned',
  'issued',
  'receipt_returned',
  'cancelled',
]);
export type TransferStatusCode = z.infer<typeof TransferStatusCode>;

export const TransferReasonCode = z.enum(['work_change', 'residence_change', 'away_six_months', 'other']);
export type TransferReasonCode = z.infer<typeof TransferReasonCode>;

export const Transfer = z.object({
  id: PublicId,
  kind: TransferKindCode,
  status: TransferStatusCode,
  isPending: z.boolean().describe('尚未办结（对方未接收或回执未退回）'),
  isExpired: z.boolean().describe('介绍信已过有效期仍未办结'),
  isOverdue: z.boolean(),
  member: z.object({
    id: PublicId.nullable(),
    name: z.string(),
    gender: GenderCode.nullable(),
    birthDate: IsoDate.nullable(),
    status: MemberStatusCode,
    joinedOn: IsoDate.nullable(),
    idNumberMasked: z.string().nullable(),
  }),
  fromOrg: z.object({ id: PublicId.nullable(), name: z.string() }),
  toOrg: z.object({ id: PublicId.nullable(), name: z.string() }),
  reason: TransferReasonCode,
  letterNo: z.string().nullable().describe('介绍信编号'),
  issuedOn: IsoDate.describe('发起或开具介绍信的日期'),
  validUntil: IsoDate.describe('介绍信有效期至'),
  acceptedOn: IsoDate.nullable(),
  returnedOn: IsoDate.nullable(),
  returnReason: z.string().nullable(),
  receiptOn: IsoDate.nullable().describe('回执退回（或寄出）日期'),
  cancelledOn: IsoDate.nullable(),
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
  initiatedBy: z.string().nullable(),
  canAccept: z.boolean(),
  canReturn: z.boolean(),
  canCancel: z.boolean(),
  canRecordReceipt: z.boolean(),
  version: z.number().int(),
});
export type Transfer = z.infer<typeof Transfer>;

export const TransferBoxCode = z.enum(['incoming', 'outgoing']);
export type TransferBoxCode = z.infer<typeof TransferBoxCode>;

export const ListTransfersRequest = PageQuery.extend({
  box: TransferBoxCode.describe('incoming 待接收（转入本组织）；outgoing 已发出（从本组织转出）'),
  state: z.enum(['pending', 'closed', 'all']).default('pending'),
  kind: TransferKindCode.optional(),
});
export type ListTransfersRequest = z.infer<typeof ListTransfersRequest>;
export const ListTransfersResponse = pageOf(Transfer);
export type ListTransfersResponse = z.infer<typeof ListTransfersResponse>;

export const TransferSummary = z.object({
  incomingPending: z.number().int(),
  outgoingPending: z.number().int(),
  overdue: z.number().int(),
});
export type TransferSummary = z.infer<typeof TransferSummary>;

/** Sender, within the system: the receiving org accepts or returns it. */
export const CreateTransferRequest = z.object({
  memberId: PublicId,
  toOrgId: PublicId.describe('接收的党组织（本系统内）'),
  reason: TransferReasonCode,
  issuedOn: dateIn(DATE_RANGES.record, '发起日期').describe('发起日期'),
  validUntil: dateIn(DATE_RANGES.plan, '有效期').nullable().optional().describe('有效期至，默认 30 天'),
  letterNo: optionalText('介绍信编号', 50),
  note: optionalText('备注', 500, { isMultiline: true }),
});
export type CreateTransferRequest = z.infer<typeof CreateTransferRequest>;

/** Sender, out of the system: a letter (介绍信) to an org elsewhere; closes when its receipt (回执) comes back. */
export const CreateOutgoingLetterRequest = z.object({
  memberId: PublicId,
  destination: text('接收党组织').min(1, '请填写接收党组织').max(200, '接收党组织不超过 200 个字'),
  letterNo: text('介绍信编号').min(1, '请填写介绍信编号').max(50, '介绍信编号不超过 50 个字'),
  issuedOn: dateIn(DATE_RANGES.record, '开具日期'),
  validUntil: dateIn(DATE_RANGES.plan, '有效期')
    .nullable()
    .optional()
    .describe('有效期至，默认 30 天，最长 3 个月'),
  reason: TransferReasonCode,
  note: optionalText('备注', 500, { isMultiline: true }),
});
export type CreateOutgoingLetterRequest = z.infer<typeof CreateOutgoingLetterRequest>;

/** Receiver, into the system: a letter from an org elsewhere; accepting it adds the member to the register. */
export const RegisterIncomingLetterRequest = z.object({
  toOrgId: PublicId,
  origin: text('转出党组织').min(1, '请填写转出党组织').max(200, '转出党组织不超过 200 个字'),
  letterNo: text('介绍信编号').min(1, '请填写介绍信编号').max(50, '介绍信编号不超过 50 个字'),
  issuedOn: dateIn(DATE_RANGES.record, '开具日期'),
  validUntil: dateIn(DATE_RANGES.plan, '有效期').nullable().optional(),
  reason: TransferReasonCode,
  note: optionalText('备注', 500, { isMultiline: true }),
  person: z.object({
    name: text('姓名').min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
    idNumber: text('公民身份号码').min(1, '请填写公民身份号码').max(30),
    gender: GenderCode.optional(),
    ethnicity: optionalText('民族', 20),
    education: optionalText('学历', 20),
    status: MemberStatusCode,
    joinedOn: dateIn(DATE_RANGES.history, '入党日期'),
    confirmedOn: dateIn(DATE_RANGES.history, '转正日期').nullable().optional(),
    workUnit: optionalText('工作单位', 100),
    phone: optionalText('联系电话', 30),
  }),
});
export type RegisterIncomingLetterRequest = z.infer<typeof RegisterIncomingLetterRequest>;

export const AcceptTransferRequest = z.object({
  acceptedOn: dateIn(DATE_RANGES.record, '接收日期'),
  version: Version,
});
export type AcceptTransferRequest = z.infer<typeof AcceptTransferRequest>;

export const ReturnTransferRequest = z.object({
  returnedOn: dateIn(DATE_RANGES.record, '退回日期'),
  reason: text('退回原因', { isMultiline: true })
    .min(1, '请填写退回原因')
    .max(500, '退回原因不超过 500 个字'),
  version: Version,
});
export type ReturnTransferRequest = z.infer<typeof ReturnTransferRequest>;

export const RecordReceiptRequest = z.object({
  receiptOn: dateIn(DATE_RANGES.record, '回执退回日期').describe('回执退回日期'),
  version: Version,
});
export type RecordReceiptRequest = z.infer<typeof RecordReceiptRequest>;

export const CancelTransferRequest = z.object({
  cancelledOn: dateIn(DATE_RANGES.record, '撤回日期'),
  reason: text('撤回原因', { isMultiline: true })
    .min(1, '请填写撤回原因')
    .max(500, '撤回原因不超过 500 个字'),
  version: Version,
});
export type CancelTransferRequest = z.infer<typeof CancelTransferRequest>;

export const ListTransferDestinationsRequest = z.object({
  q: text('关键词').min(1, '请输入关键词').max(50),
});
export const TransferDestination = z.object({
  id: PublicId,
  name: z.string(),
  parentName: z.string().nullable(),
});
export const ListTransferDestinationsResponse = z.object({ items: z.array(TransferDestination) });
export type TransferDestination = z.infer<typeof TransferDestination>;
