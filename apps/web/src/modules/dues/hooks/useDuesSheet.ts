import { useQuery } from '@tanstack/react-query';
import { duesApi } from '../api/duesApi.ts';
import { duesKeys } from './duesKeys.ts';

/** The collection sheet of an org for a month (every member with standard, payment and arrears). */
export function useDuesSheet(orgId: string | undefined, month: string) {
  return useQuery({
    queryKey: duesKeys.sheet(orgId ?? '', month),
    queryFn: ({ signal }) => duesApi.sheet(orgId ?? '', month, signal),
    enabled: Boolean(orgId),
  });
}
