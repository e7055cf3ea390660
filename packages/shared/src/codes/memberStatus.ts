import { z } from 'zod';
import { type CodeEntry, createLookup, createNameOf } from './codeTable.ts';

export const MemberStatusCode = z.enum(['full', 'probationary']);
export type MemberStatusCode = z.infer<typeof MemberStatusCode>;
export type MemberStatus = CodeEntry<MemberStatusCode>;

// 党章 第七条: a member is admitted as probationary and becomes full on conversion.
export const MEMBER_STATUSES: readonly MemberStatus[] = [
  { code: 'full', name: '正式党员', aliases: ['正式', '中共党员', '党员'] },
  { code: 'probationary', name: '预备党员', aliases: ['预备', '中共预备党员'] },
];

/** Member status (党章 第七条) from its code, name or short form (正式, 预备). */
export const lookupMemberStatus = createLookup(MEMBER_STATUSES);

export const memberStatusName = createNameOf(MEMBER_STATUSES);

export const GenderCode = z.enum(['male', 'female']);
export type GenderCode = z.infer<typeof GenderCode>;
export type Gender = CodeEntry<GenderCode>;

// GB/T 2261.1-2003 codes 1 男 and 2 女 are accepted as aliases.
export const GENDERS: readonly Gender[] = [
  { code: 'male', name: '男', aliases: ['男性', 'M', '1'] },
  { code: 'female', name: '女', aliases: ['女性', 'F', '2'] },
];

/** Gender (GB/T 2261.1-2003) from its code, 男/女, 男性/女性, M/F or 1/2. */
export const lookupGender = createLookup(GENDERS);

export const genderName = createNameOf(GENDERS);
