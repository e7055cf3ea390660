import { z } from 'zod';
import { LeaveReasonCode } from '../codes/leaveReason.ts';
import { GenderCode, MemberStatusCode } from '../codes/memberStatus.ts';
import { dateIn, IsoDate, optionalText, PageQuery, PublicId, pageOf, text, Version } from './common.ts';
import { DATE_RANGES } from './limits.ts';

export const Member = z.object({
  id: PublicId,
  orgId: PublicId,
  orgName: z.string(),
  orgShortName: z.string().nullable().optional().describe('所在党组织简称（列表显示，全称见 orgName）'),
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
  q: text('关键词').max(50).optional().describe('姓名（子串）或拼音首字母'),
  idNumber: text('公民身份号码').max(30).optional().describe('完整公民身份号码，精确查找'),
  status: MemberStatusCode.optional(),
  gender: GenderCode.optional(),
  education: text('学历').max(4).optional(),
  ethnicity: text('民族').max(4).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  includeLeft: z.stringbool().optional().describe('包含已减少（出党、去世、转出等）的人员'),
});
export type MemberFilter = z.infer<typeof MemberFilter>;

// A whole ID number in a URL reaches request logs, proxies and browser history: URLs refuse it.
const NoIdNumberInUrl = z
  .never({ error: '公民身份号码不能放在网址中，请用 POST /api/v1/members/search 按身份号码查找' })
  .optional()
  .describe('不接受：按身份号码查找请用 POST /api/v1/members/search');

/** The member list's filter as a query string (GET): everything but the ID number. */
export const MemberUrlFilter = MemberFilter.extend({ idNumber: NoIdNumberInUrl });
export type MemberUrlFilter = z.infer<typeof MemberUrlFilter>;

export const ListMembersRequest = PageQuery.extend(MemberUrlFilter.shape);
export type ListMembersRequest = z.infer<typeof ListMembersRequest>;
// In a JSON body a flag is a boolean, not the text a query string carries.
const bodyFlags = { includeLeft: z.boolean().optional().describe('包含已减少（出党、去世、转出等）的人员') };

/** The member list's filter and page in a POST body, so an ID number stays out of every URL. */
export const SearchMembersRequest = PageQuery.extend(MemberFilter.shape).extend(bodyFlags);
export type SearchMembersRequest = z.infer<typeof SearchMembersRequest>;
/** A member export requested by POST (the filter may hold an ID number); `full` as in the GET export. */
export const ExportMembersRequest = MemberFilter.extend(bodyFlags).extend({
  full: z.boolean().optional().describe('true：导出完整身份号码和电话（需查看权限，记录日志），可用于再导入'),
});
export type ExportMembersRequest = z.infer<typeof ExportMembersRequest>;
export const ListMembersResponse = pageOf(Member);
export type ListMembersResponse = z.infer<typeof ListMembersResponse>;

const memberFields = {
  orgId: PublicId,
  name: text('姓名').min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  gender: GenderCode.optional().describe('可省略，由身份号码推出'),
  idNumber: text('公民身份号码').min(1, '请填写公民身份号码').max(30),
  ethnicity: optionalText('民族', 20),
  birthDate: dateIn(DATE_RANGES.birth, '出生日期').optional().describe('可省略，由身份号码推出'),
  nativePlace: optionalText('籍贯', 50),
  education: optionalText('学历', 20),
  status: MemberStatusCode,
  joinedOn: dateIn(DATE_RANGES.history, '入党日期'),
  confirmedOn: dateIn(DATE_RANGES.history, '转正日期').nullable().optional(),
  workUnit: optionalText('工作单位', 100),
  post: optionalText('职务', 50),
  phone: optionalText('联系电话', 30),
  address: optionalText('家庭住址', 200),
  remark: optionalText('备注', 500, { isMultiline: true }),
};

export const CreateMemberRequest = z.object(memberFields);
export type CreateMemberRequest = z.infer<typeof CreateMemberRequest>;
export const UpdateMemberRequest = z.object(memberFields).partial().extend({ version: Version });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

export const LeaveMemberRequest = z.object({
  leftOn: dateIn(DATE_RANGES.history, '减少日期'),
  reason: LeaveReasonCode,
  note: optionalText('说明', 500, { isMultiline: true }),
  version: Version,
});
export type LeaveMemberRequest = z.infer<typeof LeaveMemberRequest>;

/** 恢复党籍 after 停止党籍, or reversing a wrongly recorded reduction; the kind follows from the reduction. */
export const RestoreMemberRequest = z.object({
  restoredOn: dateIn(DATE_RANGES.history, '恢复日期').describe('恢复日期'),
  reason: text('恢复原因', { isMultiline: true })
    .min(1, '请填写恢复原因')
    .max(500, '恢复原因不超过 500 个字'),
  version: Version,
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
