import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { currentUserQueryKey } from '../modules/auth/hooks/currentUserQueryKey.ts';
import { ApiError } from '../modules/http/ApiError.ts';

function onError(error: unknown, meta: Record<string, unknown> | undefined): void {
  // A 401 anywhere means the session is gone: forgetting the user makes the guard show the login page.
  if (error instanceof ApiError && error.status === 401 && !meta?.ignoreUnauthorized) {
    queryClient.setQueryData(currentUserQueryKey, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => onError(error, mutation.meta),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves; retry only network and server failures.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
