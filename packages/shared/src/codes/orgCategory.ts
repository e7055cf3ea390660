import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

export const OrgCategoryCode = z.enum([
  'street',
  'township',
  'community',
  'rural',
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

// Sectors as counted in the Organization Department's yearly statistics (党内统计公报), in its order:
// 城市街道, 乡镇, 社区(居委会), 建制村, 机关, 事业单位, 企业, 社会组织. A street's or township's own
// 党(工)委 is filed under 街道/乡镇, so that townships are not counted with the villages below them.
// Stored codes never change; only names, aliases and display order may.
export const ORG_CATEGORIES: readonly OrgCategory[] = [
  { code: 'street', name: '街道', aliases: ['城市街道', '街道办事处', '街道办'] },
  {
    code: 'township',
    name: '乡镇',
    // 乡镇街道 / 乡镇(街道) is the combined heading of some local tables; a street files as 街道.
    aliases: ['乡', '镇', '民族乡', '苏木', '乡镇街道', '乡镇(街道)'],
  },
  { code: 'community', name: '社区', aliases: ['城市社区', '社区(居委会)', '居委会', '居民委员会'] },
  { code: 'rural', name: '农村', aliases: ['村', '行政村', '建制村', '村委会', '村民委员会'] },
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
