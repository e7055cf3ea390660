import { queryOptions } from '@tanstack/react-query';
import { orgsApi } from '../api/orgsApi.ts';
import { orgKeys } from './orgKeys.ts';

/** One org with its ancestors (for the path and breadcrumb). */
export function orgDetailQuery(id: string) {
  return queryOptions({
    queryKey: orgKeys.detail(id),
    queryFn: ({ signal }) => orgsApi.get(id, signal),
  });
}
