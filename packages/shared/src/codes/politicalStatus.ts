import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

// GB/T 4762-1984 政治面貌代码: short names as used on forms; the standard's full names are aliases.
const table = [
  { code: '01', name: '中共党员', aliases: ['中国共产党党员', '党员', '共产党员'] },
  { code: '02', name: '中共预备党员', aliases: ['中国共产党预备党员', '预备党员'] },
  { code: '03', name: '共青团员', aliases: ['中国共产主义青年团团员', '团员'] },
  { code: '04', name: '民革党员', aliases: ['中国国民党革命委员会会员', '民革会员'] },
  { code: '05', name: '民盟盟员', aliases: ['中国民主同盟盟员'] },
  { code: '06', name: '民建会员', aliases: ['中国民主建国会会员'] },
  { code: '07', name: '民进会员', aliases: ['中国民主促进会会员'] },
  { code: '08', name: '农工党党员', aliases: ['中国农工民主党党员'] },
  { code: '09', name: '致公党党员', aliases: ['中国致公党党员'] },
  { code: '10', name: '九三学社社员' },
  { code: '11', name: '台盟盟员', aliases: ['台湾民主自治同盟盟员'] },
  { code: '12', name: '无党派人士', aliases: ['无党派民主人士', '无党派'] },
  { code: '13', name: '群众' },
] as const satisfies readonly CodeEntry[];

export const PoliticalStatusCode = z.enum(table.map((e) => e.code));
export type PoliticalStatusCode = z.infer<typeof PoliticalStatusCode>;
export type PoliticalStatus = CodeEntry<PoliticalStatusCode>;

export const POLITICAL_STATUSES: readonly PoliticalStatus[] = table;

/** Political status (GB/T 4762-1984) from a code (01, 1), a short name (中共党员) or the full name. */
export const lookupPoliticalStatus = createLookup(POLITICAL_STATUSES, { codeWidth: 2 });

export const politicalStatusName = createNameOf(POLITICAL_STATUSES);
