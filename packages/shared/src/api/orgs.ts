import { z } from 'zod';
import { OrgCategoryCode } from '../codes/orgCategory.ts';
import { OrgTypeCode } from '../codes/orgType.ts';
import { dateIn, IsoDate, optionalText, PageQuery, PublicId, pageOf, text, Version } from './common.ts';
import { DATE_RANGES } from './limits.ts';

export const Org = z.object({
  id: PublicId,
  parentId: PublicId.nullable(),
  name: z.string().describe('组织全称'),
  shortName: z.string().nullable().describe('组织简称'),
  code: z.string().nullable().describe('组织代码（12 位）'),
  type: OrgTypeCode.describe('组织类型'),
  category: OrgCategoryCode.describe('组织类别'),
  divisionCode: z.string().nullable().describe('行政区划代码 GB/T 2260'),
  establishedOn: IsoDate.nullable(),
  termStartedOn: IsoDate.nullable(),
  termYears: z.number().int().nullable(),
  secretaryName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  dissolvedOn: IsoDate.nullable(),
  dissolvedReason: z.string().nullable(),
  depth: z.number().int(),
  hasChildren: z.boolean(),
  memberCount: z.number().int().describe('本组织及下级在册党员数'),
  version: z.number().int(),
});
export type Org = z.infer<typeof Org>;

export const ListOrgsRequest = PageQuery.extend({
  q: text('关键词').max(50).optional().describe('按全称、简称或拼音首字母查找'),
  parentId: PublicId.optional().describe('只列此组织的直接下级'),
  includeDissolved: z.stringbool().optional(),
});
export type ListOrgsRequest = z.infer<typeof ListOrgsRequest>;
export const ListOrgsResponse = pageOf(Org);
export type ListOrgsResponse = z.infer<typeof ListOrgsResponse>;

export const OrgAncestor = z.object({ id: PublicId, name: z.string() });
export const GetOrgResponse = Org.extend({ ancestors: z.array(OrgAncestor) });
export type GetOrgResponse = z.infer<typeof GetOrgResponse>;

const orgFields = {
  name: text('组织名称').min(2, '组织名称至少 2 个字').max(100, '组织名称不超过 100 个字'),
  shortName: optionalText('组织简称', 50),
  code: z
    .string()
    .trim()
    .regex(/^\d{12}$/, '组织代码应为 12 位数字')
    .nullable()
    .optional(),
  type: OrgTypeCode,
  category: OrgCategoryCode,
  divisionCode: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字')
    .nullable()
    .optional(),
  establishedOn: dateIn(DATE_RANGES.history, '成立日期').nullable().optional(),
  termStartedOn: dateIn(DATE_RANGES.history, '本届任期开始日期').nullable().optional(),
  termYears: z.number().int().min(1).max(5).nullable().optional(),
  secretaryName: optionalText('书记姓名', 30),
  contactName: optionalText('联系人', 30),
  contactPhone: optionalText('联系电话', 30),
  address: optionalText('通讯地址', 200),
};

export const CreateOrgRequest = z.object({ parentId: PublicId.nullable(), ...orgFields });
export type CreateOrgRequest = z.infer<typeof CreateOrgRequest>;

export const UpdateOrgRequest = z.object(orgFields).partial().extend({ version: Version });
export type UpdateOrgRequest = z.infer<typeof UpdateOrgRequest>;

export const MoveOrgRequest = z.object({ parentId: PublicId, version: Version });
export type MoveOrgRequest = z.infer<typeof MoveOrgRequest>;

export const DissolveOrgRequest = z.object({
  dissolvedOn: dateIn(DATE_RANGES.history, '撤销日期'),
  reason: text('撤销原因', { isMultiline: true })
    .min(1, '请填写撤销原因')
    .max(200, '撤销原因不超过 200 个字'),
  version: Version,
});
export type DissolveOrgRequest = z.infer<typeof DissolveOrgRequest>;
