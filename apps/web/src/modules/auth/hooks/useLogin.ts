import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/authApi.ts';
import { currentUserQueryKey } from './currentUserQueryKey.ts';

/** Signs in; on success the cache starts afresh with the new user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.login,
    meta: { ignoreUnauthorized: true },
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(currentUserQueryKey, user);
    },
  });
}
