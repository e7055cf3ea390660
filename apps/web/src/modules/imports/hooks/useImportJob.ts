import { useQuery } from '@tanstack/react-query';
import type { ImportJob } from '@zhibu/shared/api';
import { importsApi } from '../api/importsApi.ts';

const pollMs = 700;

/** An import job, polled every 0.7 s while it runs; `initial` is the job returned by the upload. */
export function useImportJob(id: string | null, initial?: ImportJob) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => importsApi.job(id ?? '', signal),
    enabled: id !== null,
    initialData: initial && initial.id === id ? initial : undefined,
    // initialData counts as fresh; poll at once anyway while running.
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? pollMs : false),
    refetchIntervalInBackground: true,
    retry: 3,
  });
}
