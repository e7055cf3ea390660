import { useQuery } from '@tanstack/react-query';
import { membersApi } from '../api/membersApi.ts';
import { memberKeys } from './memberKeys.ts';

/** One member (ID number and phone masked). */
export function useMember(id: string) {
  return useQuery({ queryKey: memberKeys.detail(id), queryFn: ({ signal }) => membersApi.get(id, signal) });
}
