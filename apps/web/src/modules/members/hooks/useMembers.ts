import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberListParams } from '../api/MemberListParams.ts';
import { membersApi } from '../api/membersApi.ts';
import { memberKeys } from './memberKeys.ts';

/** One page of members matching the filters; the previous page stays on screen while the next loads. */
export function useMembers(params: MemberListParams) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: ({ signal }) => membersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
