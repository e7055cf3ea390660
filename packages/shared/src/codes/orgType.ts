import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

export const OrgTypeCode = z.enum([
  'party_committee',
  'working_committee',
  'temporary_committee',
  'general_branch',
  'temporary_general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
  'group',
]);
export type OrgTypeCode = z.infer<typeof OrgTypeCode>;

/** `childTypes`: which types may sit directly below; empty for 党小组, only 党小组 below a branch. */
export type OrgType = CodeEntry<OrgTypeCode> & { readonly childTypes: readonly OrgTypeCode[] };

const BRANCHES = [
  'general_branch',
  'temporary_general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
] as const;
const SMALL_BRANCHES = ['branch', 'joint_branch', 'temporary_branch'] as const;

// Kinds of grassroots organization under 党章 第五章 and 支部工作条例(试行) 2018 第二章.
export const ORG_TYPES: readonly OrgType[] = [
  {
    code: 'party_committee',
    name: '基层党委',
    aliases: ['党委', '基层委员会', '党的基层委员会', '基层党委员会'],
    // Large units run second-level 党委 under the main one; a county 党委 also leads
    // 街道党工委, 机关工委 and 两新工委.
    childTypes: ['party_committee', 'working_committee', 'temporary_committee', ...BRANCHES],
  },
  {
    code: 'working_committee',
    name: '党工委',
    aliases: ['党(工)委', '党工作委员会', '工委'],
    childTypes: ['party_committee', 'temporary_committee', ...BRANCHES],
  },
  {
    // Set up by a higher committee for a major project, event or task; it leads temporary or
    // ordinary branches of the people seconded to it.
    code: 'temporary_committee',
    name: '临时党委',
    aliases: ['临时党委员会', '临时基层党委', '临时委员会'],
    childTypes: [...BRANCHES],
  },
  {
    code: 'general_branch',
    name: '党总支',
    aliases: ['总支部委员会', '党总支部', '党总支部委员会', '总支'],
    childTypes: [...SMALL_BRANCHES],
  },
  {
    code: 'temporary_general_branch',
    name: '临时党总支',
    aliases: ['临时总支', '临时党总支部', '临时总支部委员会'],
    childTypes: [...SMALL_BRANCHES],
  },
  { code: 'branch', name: '党支部', aliases: ['支部', '党支部委员会', '支部委员会'], childTypes: ['group'] },
  { code: 'joint_branch', name: '联合党支部', aliases: ['联合支部'], childTypes: ['group'] },
  { code: 'temporary_branch', name: '临时党支部', aliases: ['临时支部'], childTypes: ['group'] },
  { code: 'group', name: '党小组', aliases: ['小组'], childTypes: [] },
];

/** Organization type (党章 第五章) from its code, name or a common alias (党委, 总支, 支部). */
export const lookupOrgType = createLookup(ORG_TYPES);

export const orgTypeName = createNameOf(ORG_TYPES);

/** Whether an org of type `child` may be placed directly under one of type `parent`. */
export function canHaveChild(parent: OrgTypeCode, child: OrgTypeCode): boolean {
  return ORG_TYPES.some((t) => t.code === parent && t.childTypes.includes(child));
}
