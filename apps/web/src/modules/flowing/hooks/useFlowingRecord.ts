import { useQuery } from '@tanstack/react-query';
import { flowingApi } from '../api/flowingApi.ts';
import { flowingKeys } from './flowingKeys.ts';

/** One flowing member with the contact log; idle without an id. */
export function useFlowingRecord(id: string | null) {
  return useQuery({
    queryKey: flowingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => flowingApi.get(id ?? '', signal),
    enabled: Boolean(id),
  });
}
