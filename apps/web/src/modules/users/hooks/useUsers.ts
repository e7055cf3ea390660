import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserListParams } from '../api/UserListParams.ts';
import { usersApi } from '../api/usersApi.ts';

/** One page of user accounts in the caller's scope. */
export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
