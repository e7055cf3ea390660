import type { MemberSearch } from './MemberSearch.ts';

/**
 * Writes the member filters to URL parameters (defaults and empty values left out). Never the ID
 * number: the page keeps that in memory, out of browser history and server logs.
 */
export function memberSearchToParams(search: MemberSearch): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(name, String(value));
  };
  set('org', search.orgId);
  set('q', search.q);
  set('status', search.status);
  set('gender', search.gender);
  set('education', search.education);
  set('ethnicity', search.ethnicity);
  set('age', search.age);
  if (search.includeLeft) params.set('includeLeft', '1');
  if (search.page > 1) set('page', search.page);
  if (search.pageSize !== 20) set('pageSize', search.pageSize);
  return params;
}
