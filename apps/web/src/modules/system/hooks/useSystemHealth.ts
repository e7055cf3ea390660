import { useQuery } from '@tanstack/react-query';
import { systemApi } from '../api/systemApi.ts';

/** Server health, read once per page load (demo data does not come and go while one is open). */
export function useSystemHealth() {
  return useQuery({
    queryKey: ['system', 'health'],
    queryFn: ({ signal }) => systemApi.health(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
    meta: { ignoreUnauthorized: true },
  });
}
