import { useQuery } from '@tanstack/react-query';
import { duesApi } from '../api/duesApi.ts';
import { duesKeys } from './duesKeys.ts';

/** A year of an org's dues by month, as published to members. */
export function useDuesSummary(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.summary(orgId ?? '', year),
    queryFn: ({ signal }) => duesApi.summary(orgId ?? '', year, signal),
    enabled: Boolean(orgId),
  });
}
