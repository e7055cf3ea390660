import { useQuery } from '@tanstack/react-query';
import { duesApi } from '../api/duesApi.ts';
import { duesKeys } from './duesKeys.ts';

/** A member's dues: standard and its history, last 12 months, arrears, ledger. */
export function useMemberDues(memberId: string) {
  return useQuery({
    queryKey: duesKeys.member(memberId),
    queryFn: ({ signal }) => duesApi.member(memberId, signal),
  });
}
