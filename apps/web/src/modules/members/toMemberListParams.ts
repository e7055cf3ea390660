import { ageBands } from './ageBands.ts';
import type { MemberListParams } from './api/MemberListParams.ts';
import type { MemberSearch } from './MemberSearch.ts';

/** The API query for a member search: the age preset becomes ageMin/ageMax. */
export function toMemberListParams(search: MemberSearch): MemberListParams {
  const band = ageBands.find((b) => b.key === search.age);
  return {
    orgId: search.orgId,
    q: search.q,
    idNumber: search.idNumber,
    status: search.status,
    gender: search.gender,
    education: search.education,
    ethnicity: search.ethnicity,
    ageMin: band?.ageMin,
    ageMax: band?.ageMax,
    includeLeft: search.includeLeft,
    page: search.page,
    pageSize: search.pageSize,
  };
}
