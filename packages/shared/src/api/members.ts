import { z } from 'zod';
import { LeaveReasonCode } from '../codes/leaveReason.ts';
import { GenderCode, MemberStatusCode } from '../codes/memberStatus.ts';
import { IsoDate, PageQuery, PublicId, pageOf } from './common.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const Member = z.object({
  id: PublicId,
  orgId: PublicId,
  orgName: z.string(),
  name: z.string(),
  gender: GenderCode,
  idNumberMasked: z.string().describe('脱敏的公民身份号码'),
  ethnicity: z.string().nullable().describe('民族代码 GB/T 3304'),
  birthDate: IsoDate,
  age: z.number().int(),
  nativePlace: z.string().nullable(),
  education: z.string().nullable().describe('学历代码 GB/T 4658'),
  status: MemberStatusCode,
  joinedOn: IsoDate,
  confirmedOn: IsoDate.nullable(),
  workUnit: z.string().nullable(),
  post: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  remark: z.string().nullable(),
  leftOn: IsoDate.nullable(),
  leftReason: LeaveReasonCode.nullable(),
  leftNote: z.string().nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const MemberFilter = z.object({
  orgId: PublicId.optional().describe('组织（含全部下级）'),
  q: z.string().trim().max(50).optional().describe('姓名（子串）或拼音首字母'),
  idNumber: z.string().trim().max(30).optional().describe('完整公民身份号码，精确查找'),
  status: MemberStatusCode.optional(),
  gender: GenderCode.optional(),
  education: z.string().max(4).optional(),
  ethnicity: z.string().max(4).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  includeLeft: z.coerce.boolean().optional().describe('包含已减少（出党、去世、转出等）的人员'),
});
export type MemberFilter = z.infer<typeof MemberFilter>;

export const ListMembersRequest = PageQuery.extend(MemberFilter.shape);
export type ListMembersRequest = z.infer<typeof ListMembersRequest>;
export const ListMembersResponse = pageOf(Member);
export type ListMembersResponse = z.infer<typeof ListMembersResponse>;

const memberFields = {
  orgId: PublicId,
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  gender: GenderCode.optional().describe('可省略，由身份号码推出'),
  idNumber: z.string().trim().min(1, '请填写公民身份号码').max(30),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  birthDate: IsoDate.optional().describe('可省略，由身份号码推出'),
  nativePlace: optionalText(50),
  education: z.string().trim().max(20).nullable().optional(),
  status: MemberStatusCode,
  joinedOn: IsoDate,
  confirmedOn: IsoDate.nullable().optional(),
  workUnit: optionalText(100),
  post: optionalText(50),
  phone: z.string().trim().max(30).nullable().optional(),
  address: optionalText(200),
  remark: optionalText(500),
};

export const CreateMemberRequest = z.object(memberFields);
export type CreateMemberRequest = z.infer<typeof CreateMemberRequest>;
export const UpdateMemberRequest = z.object(memberFields).partial().extend({ version: z.number().int() });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

export const LeaveMemberRequest = z.object({
  leftOn: IsoDate,
  reason: LeaveReasonCode,
  note: optionalText(500),
  version: z.number().int(),
});
export type LeaveMemberRequest = z.infer<typeof LeaveMemberRequest>;

/** 恢复党籍 after 停止党籍, or reversing a wrongly recorded reduction; the kind follows from the reduction. */
export const RestoreMemberRequest = z.object({
  restoredOn: IsoDate.describe('恢复日期'),
  reason: z.string().trim().min(1, '请填写恢复原因').max(500),
  version: z.number().int(),
});
export type RestoreMemberRequest = z.infer<typeof RestoreMemberRequest>;

export const RevealMemberRequest = z.object({ field: z.enum(['idNumber', 'phone']) });
export const RevealMemberResponse = z.object({ value: z.string().nullable() });

export const MemberEvent = z.object({
  id: PublicId,
  kind: z.string(),
  occurredOn: IsoDate,
  detail: z.record(z.string(), z.unknown()),
  actor: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberEvent = z.infer<typeof MemberEvent>;
export const ListMemberEventsResponse = z.object({ items: z.array(MemberEvent) });
export type ListMemberEventsResponse = z.infer<typeof ListMemberEventsResponse>;
