import { z } from 'zod';
import { GenderCode, MemberStatusCode } from '../codes/memberStatus.ts';
import { IsoDate, PageQuery, PublicId, pageOf } from './common.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

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
  issuedOn: IsoDate.describe('发起日期'),
  validUntil: IsoDate.nullable().optional().describe('有效期至，默认 30 天'),
  letterNo: optionalText(50),
  note: optionalText(500),
});
export type CreateTransferRequest = z.infer<typeof CreateTransferRequest>;

/** Sender, out of the system: a letter (介绍信) to an org elsewhere; closes when its receipt (回执) comes back. */
export const CreateOutgoingLetterRequest = z.object({
  memberId: PublicId,
  destination: z.string().trim().min(1, '请填写接收党组织').max(200),
  letterNo: z.string().trim().min(1, '请填写介绍信编号').max(50),
  issuedOn: IsoDate,
  validUntil: IsoDate.nullable().optional().describe('有效期至，默认 30 天，最长 3 个月'),
  reason: TransferReasonCode,
  note: optionalText(500),
});
export type CreateOutgoingLetterRequest = z.infer<typeof CreateOutgoingLetterRequest>;

/** Receiver, into the system: a letter from an org elsewhere; accepting it adds the member to the register. */
export const RegisterIncomingLetterRequest = z.object({
  toOrgId: PublicId,
  origin: z.string().trim().min(1, '请填写转出党组织').max(200),
  letterNo: z.string().trim().min(1, '请填写介绍信编号').max(50),
  issuedOn: IsoDate,
  validUntil: IsoDate.nullable().optional(),
  reason: TransferReasonCode,
  note: optionalText(500),
  person: z.object({
    name: z.string().trim().min(1, '请填写姓名').max(50),
    idNumber: z.string().trim().min(1, '请填写公民身份号码').max(30),
    gender: GenderCode.optional(),
    ethnicity: z.string().trim().max(20).nullable().optional(),
    education: z.string().trim().max(20).nullable().optional(),
    status: MemberStatusCode,
    joinedOn: IsoDate,
    confirmedOn: IsoDate.nullable().optional(),
    workUnit: optionalText(100),
    phone: z.string().trim().max(30).nullable().optional(),
  }),
});
export type RegisterIncomingLetterRequest = z.infer<typeof RegisterIncomingLetterRequest>;

export const AcceptTransferRequest = z.object({
  acceptedOn: IsoDate,
  version: z.number().int(),
});
export type AcceptTransferRequest = z.infer<typeof AcceptTransferRequest>;

export const ReturnTransferRequest = z.object({
  returnedOn: IsoDate,
  reason: z.string().trim().min(1, '请填写退回原因').max(500),
  version: z.number().int(),
});
export type ReturnTransferRequest = z.infer<typeof ReturnTransferRequest>;

export const RecordReceiptRequest = z.object({
  receiptOn: IsoDate.describe('回执退回日期'),
  version: z.number().int(),
});
export type RecordReceiptRequest = z.infer<typeof RecordReceiptRequest>;

export const CancelTransferRequest = z.object({
  cancelledOn: IsoDate,
  reason: z.string().trim().min(1, '请填写撤回原因').max(500),
  version: z.number().int(),
});
export type CancelTransferRequest = z.infer<typeof CancelTransferRequest>;

export const ListTransferDestinationsRequest = z.object({
  q: z.string().trim().min(1).max(50),
});
export const TransferDestination = z.object({
  id: PublicId,
  name: z.string(),
  parentName: z.string().nullable(),
});
export const ListTransferDestinationsResponse = z.object({ items: z.array(TransferDestination) });
export type TransferDestination = z.infer<typeof TransferDestination>;
