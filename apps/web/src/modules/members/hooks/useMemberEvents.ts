import { useQuery } from '@tanstack/react-query';
import { membersApi } from '../api/membersApi.ts';
import { memberKeys } from './memberKeys.ts';

/** A member's history, newest first as the server sends it. */
export function useMemberEvents(id: string) {
  return useQuery({
    queryKey: memberKeys.events(id),
    queryFn: ({ signal }) => membersApi.events(id, signal),
  });
}
