import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

export const OrgCategoryCode = z.enum([
  'rural',
  'community',
  'government',
  'institution',
  'state_enterprise',
  'private_enterprise',
  'social_org',
  'school',
  'hospital',
  'park',
  'other',
]);
export type OrgCategoryCode = z.infer<typeof OrgCategoryCode>;
export type OrgCategory = CodeEntry<OrgCategoryCode>;

// Sectors as counted in the Organization Department's yearly statistics (党内统计公报).
export const ORG_CATEGORIES: readonly OrgCategory[] = [
  { code: 'rural', name: '农村', aliases: ['村', '行政村'] },
  { code: 'community', name: '社区', aliases: ['城市社区'] },
  { code: 'government', name: '机关', aliases: ['党政机关', '国家机关'] },
  { code: 'institution', name: '事业单位' },
  { code: 'state_enterprise', name: '国有企业', aliases: ['国企', '国有控股企业'] },
  {
    code: 'private_enterprise',
    name: '非公有制企业',
    aliases: ['非公企业', '民营企业', '私营企业', '非公有制经济组织'],
  },
  { code: 'social_org', name: '社会组织', aliases: ['社团'] },
  { code: 'school', name: '学校', aliases: ['高校', '中小学'] },
  { code: 'hospital', name: '医院', aliases: ['公立医院'] },
  { code: 'park', name: '园区', aliases: ['产业园区', '开发区'] },
  { code: 'other', name: '其他', aliases: ['其它'] },
];

/** Organization category (sector; 党内统计 practice) from its code, name or a common alias (非公企业). */
export const lookupOrgCategory = createLookup(ORG_CATEGORIES);

export const orgCategoryName = createNameOf(ORG_CATEGORIES);
