import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

// GB/T 4658-2006 学历代码: the top-level codes plus the two doctoral/master sub-codes the register needs.
// The standard's names ("大学本科教育", "博士研究生毕业") are kept as aliases.
const table = [
  { code: '10', name: '研究生', aliases: ['研究生教育', '研究生毕业'] },
  {
    code: '11',
    name: '博士研究生',
    parent: '10',
    aliases: ['博士', '博士研究生毕业', '研究生(博士)', '博士研究生学历'],
  },
  {
    code: '14',
    name: '硕士研究生',
    parent: '10',
    aliases: ['硕士', '硕士研究生毕业', '研究生(硕士)', '硕士研究生学历'],
  },
  { code: '20', name: '大学本科', aliases: ['本科', '大本', '大学本科教育', '大学本科毕业', '本科毕业'] },
  { code: '30', name: '大学专科', aliases: ['大专', '专科', '大学专科教育', '大学专科毕业', '专科毕业'] },
  {
    code: '40',
    name: '中等职业教育',
    aliases: ['中专', '中技', '技校', '职高', '中等专科', '中等专科毕业', '职业高中', '技工学校'],
  },
  { code: '60', name: '普通高级中学', aliases: ['高中', '普通高中', '普通高级中学教育', '高中毕业'] },
  { code: '70', name: '初级中学', aliases: ['初中', '初级中学教育', '初中毕业'] },
  { code: '80', name: '小学', aliases: ['小学教育', '小学毕业'] },
  { code: '90', name: '其他', aliases: ['其它', '文盲', '半文盲'] },
] as const satisfies readonly (CodeEntry & { readonly parent?: string })[];

export const EducationCode = z.enum(table.map((e) => e.code));
export type EducationCode = z.infer<typeof EducationCode>;
/** `parent` links a sub-code (11 博士研究生) to its top-level code (10 研究生). */
export type Education = CodeEntry<EducationCode> & { readonly parent?: EducationCode };

export const EDUCATION_LEVELS: readonly Education[] = table;

/** Education level (GB/T 4658-2006) from a code, a name or a common short form (本科, 大专, 中专, 博士). */
export const lookupEducation = createLookup(EDUCATION_LEVELS, { codeWidth: 2 });

export const educationName = createNameOf(EDUCATION_LEVELS);
