import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/authApi.ts';
import { currentUserQueryKey } from './currentUserQueryKey.ts';

/** Signs out and forgets everything cached for the user, even if the server call fails. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    meta: { ignoreUnauthorized: true },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(currentUserQueryKey, null);
    },
  });
}
