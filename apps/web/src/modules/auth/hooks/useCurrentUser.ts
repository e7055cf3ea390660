import { useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '@zhibu/shared/api';
import { isApiError } from '../../http/isApiError.ts';
import { authApi } from '../api/authApi.ts';
import { currentUserQueryKey } from './currentUserQueryKey.ts';

/** The signed-in user, or null when the session is missing or expired (401). */
export function useCurrentUser() {
  return useQuery<CurrentUser | null>({
    queryKey: currentUserQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await authApi.me(signal);
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: 1,
    meta: { ignoreUnauthorized: true },
  });
}
