import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlowingListParams } from '../api/FlowingListParams.ts';
import { flowingApi } from '../api/flowingApi.ts';
import { flowingKeys } from './flowingKeys.ts';

/** One page of flowing members with their current alerts. */
export function useFlowing(params: FlowingListParams) {
  return useQuery({
    queryKey: flowingKeys.list(params),
    queryFn: ({ signal }) => flowingApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
