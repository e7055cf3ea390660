import { useQuery } from '@tanstack/react-query';
import { rulesApi } from '../api/rulesApi.ts';
import { ruleKeys } from './ruleKeys.ts';

/** Warning counts for each child of `parentId` (null: the caller's top orgs); one request per tree level. */
export function useWarningSummary(parentId: string | null) {
  return useQuery({
    queryKey: ruleKeys.summary(parentId),
    queryFn: ({ signal }) => rulesApi.summary(parentId, signal),
    staleTime: 60_000,
  });
}
