import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from '../codes/codeTable.ts';

/** How a member's monthly dues are set (中组发〔2008〕3号 第一至七条). */
export const DuesCategoryCode = z.enum([
  'employed',
  'annual_salary',
  'retired',
  'farmer',
  'student',
  'unemployed',
  'relief',
  'hardship_reduced',
]);
export type DuesCategoryCode = z.infer<typeof DuesCategoryCode>;
export type DuesCategory = CodeEntry<DuesCategoryCode>;

export const DUES_CATEGORIES: readonly DuesCategory[] = [
  { code: 'employed', name: '在岗职工（按月工资）', aliases: ['在职', '在岗', '工资收入'] },
  { code: 'annual_salary', name: '年薪制人员', aliases: ['年薪制', '年薪'] },
  { code: 'retired', name: '离退休人员', aliases: ['离退休', '退休', '离休'] },
  { code: 'farmer', name: '农民', aliases: ['农民党员'] },
  { code: 'student', name: '学生', aliases: ['学生党员'] },
  { code: 'unemployed', name: '下岗失业人员', aliases: ['下岗失业', '失业', '下岗'] },
  { code: 'relief', name: '依靠最低生活保障金生活人员', aliases: ['低保', '最低生活保障'] },
  { code: 'hardship_reduced', name: '生活困难减免', aliases: ['困难减免', '减免'] },
];

/** Categories whose standard is a share of a base (工资、年薪、离退休费). */
export const BASED_DUES_CATEGORIES: readonly DuesCategoryCode[] = ['employed', 'annual_salary', 'retired'];

export function isBasedDuesCategory(category: DuesCategoryCode): boolean {
  return BASED_DUES_CATEGORIES.includes(category);
}

export const lookupDuesCategory = createLookup(DUES_CATEGORIES);
export const duesCategoryName = createNameOf(DUES_CATEGORIES);
