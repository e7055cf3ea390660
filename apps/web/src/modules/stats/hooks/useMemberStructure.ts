import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { statsApi } from '../api/statsApi.ts';

/** The member-structure summary of an org's subtree, or of the caller's whole scope. */
export function useMemberStructure(orgId: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'members', orgId ?? null],
    queryFn: ({ signal }) => statsApi.memberStructure(orgId, signal),
    placeholderData: keepPreviousData,
    // Cheap (the rollup), and it should show the edit just made on another page.
    staleTime: 0,
  });
}
