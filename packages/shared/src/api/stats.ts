import { z } from 'zod';
import { PublicId } from './common.ts';

export const StructureItem = z.object({
  code: z.string().describe('代码；unknown = 未填写'),
  name: z.string(),
  count: z.number().int(),
});
export type StructureItem = z.infer<typeof StructureItem>;

export const GetMemberStructureRequest = z.object({
  orgId: PublicId.optional().describe('组织（含全部下级）；不填 = 本人数据权限范围'),
});
export type GetMemberStructureRequest = z.infer<typeof GetMemberStructureRequest>;

export const MemberStructureResponse = z.object({
  org: z.object({ id: PublicId, name: z.string() }).nullable().describe('统计的组织；null = 数据权限范围'),
  asOf: z.string().describe('年龄计算日（北京时间）'),
  total: z.number().int().describe('在册党员数'),
  byStatus: z.array(StructureItem).describe('正式 / 预备'),
  byGender: z.array(StructureItem),
  byAgeBand: z.array(StructureItem).describe('35岁及以下、36至45岁、46至60岁、61岁及以上'),
  byEducation: z.array(StructureItem).describe('学历（GB/T 4658 一级代码）'),
  ethnicity: z.object({
    han: z.number().int(),
    minority: z.number().int().describe('少数民族'),
    other: z.number().int().describe('其他、外国血统中国籍人士'),
    unknown: z.number().int(),
    topMinorities: z.array(StructureItem).describe('人数最多的几个少数民族'),
  }),
  byOrgCategory: z.array(StructureItem).describe('所在党组织的类别（农村、社区、机关……）'),
});
export type MemberStructureResponse = z.infer<typeof MemberStructureResponse>;
