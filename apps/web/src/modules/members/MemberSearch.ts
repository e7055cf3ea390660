import type { GenderCode, MemberStatusCode } from '@zhibu/shared';

/** The member list's filters as kept in the URL (so back, refresh and export see the same list); the ID number only in memory. */
export interface MemberSearch {
  orgId?: string;
  q?: string;
  idNumber?: string;
  status?: MemberStatusCode;
  gender?: GenderCode;
  education?: string;
  ethnicity?: string;
  age?: string;
  includeLeft?: boolean;
  page: number;
  pageSize: number;
}
