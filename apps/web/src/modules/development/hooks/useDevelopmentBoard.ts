import { useQuery } from '@tanstack/react-query';
import { developmentApi } from '../api/developmentApi.ts';
import { developmentKeys } from './developmentKeys.ts';

/** Counts per stage (and overdue) for an org's subtree, or the whole scope. */
export function useDevelopmentBoard(orgId: string | undefined) {
  return useQuery({
    queryKey: developmentKeys.board(orgId),
    queryFn: ({ signal }) => developmentApi.board(orgId, signal),
  });
}
