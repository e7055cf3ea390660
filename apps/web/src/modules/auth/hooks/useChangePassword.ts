import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/authApi.ts';
import { currentUserQueryKey } from './currentUserQueryKey.ts';

/** Changes the signed-in user's own password. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.changePassword,
    meta: { ignoreUnauthorized: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currentUserQueryKey }),
  });
}
