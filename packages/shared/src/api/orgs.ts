import { z } from 'zod';
import { OrgCategoryCode } from '../codes/orgCategory.ts';
import { OrgTypeCode } from '../codes/orgType.ts';
import { IsoDate, PageQuery, PublicId, pageOf } from './common.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

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
  q: z.string().trim().max(50).optional().describe('按全称、简称或拼音首字母查找'),
  parentId: PublicId.optional().describe('只列此组织的直接下级'),
  includeDissolved: z.coerce.boolean().optional(),
});
export type ListOrgsRequest = z.infer<typeof ListOrgsRequest>;
export const ListOrgsResponse = pageOf(Org);
export type ListOrgsResponse = z.infer<typeof ListOrgsResponse>;

export const OrgAncestor = z.object({ id: PublicId, name: z.string() });
export const GetOrgResponse = Org.extend({ ancestors: z.array(OrgAncestor) });
export type GetOrgResponse = z.infer<typeof GetOrgResponse>;

const orgFields = {
  name: z.string().trim().min(2, '组织名称至少 2 个字').max(100, '组织名称不超过 100 个字'),
  shortName: optionalText(50),
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
  establishedOn: IsoDate.nullable().optional(),
  termStartedOn: IsoDate.nullable().optional(),
  termYears: z.number().int().min(1).max(5).nullable().optional(),
  secretaryName: optionalText(30),
  contactName: optionalText(30),
  contactPhone: optionalText(30),
  address: optionalText(200),
};

export const CreateOrgRequest = z.object({ parentId: PublicId.nullable(), ...orgFields });
export type CreateOrgRequest = z.infer<typeof CreateOrgRequest>;

export const UpdateOrgRequest = z.object(orgFields).partial().extend({ version: z.number().int() });
export type UpdateOrgRequest = z.infer<typeof UpdateOrgRequest>;

export const MoveOrgRequest = z.object({ parentId: PublicId, version: z.number().int() });
export type MoveOrgRequest = z.infer<typeof MoveOrgRequest>;

export const DissolveOrgRequest = z.object({
  dissolvedOn: IsoDate,
  reason: z.string().trim().min(1, '请填写撤销原因').max(200),
  version: z.number().int(),
});
export type DissolveOrgRequest = z.infer<typeof DissolveOrgRequest>;
