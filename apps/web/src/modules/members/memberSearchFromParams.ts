import { GENDERS, MEMBER_STATUSES } from '@zhibu/shared';
import type { MemberSearch } from './MemberSearch.ts';

const pageSizes = [10, 20, 50, 100];

/** Reads the member filters from the URL, dropping anything malformed. */
export function memberSearchFromParams(params: URLSearchParams): MemberSearch {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    orgId: text('org'),
    q: text('q'),
    status: MEMBER_STATUSES.find((s) => s.code === params.get('status'))?.code,
    gender: GENDERS.find((g) => g.code === params.get('gender'))?.code,
    education: text('education'),
    ethnicity: text('ethnicity'),
    age: text('age'),
    includeLeft: params.get('includeLeft') === '1' || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: pageSizes.includes(pageSize) ? pageSize : 20,
  };
}
