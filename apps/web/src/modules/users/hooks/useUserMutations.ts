import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, RoleCode } from '@zhibu/shared/api';
import { usersApi } from '../api/usersApi.ts';

/** Account administration; every change refreshes the user list. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  return {
    create: useMutation({ mutationFn: (body: CreateUserRequest) => usersApi.create(body), onSettled }),
    update: useMutation({
      mutationFn: ({
        id,
        body,
      }: {
        id: string;
        body: { displayName?: string; isDisabled?: boolean; version: number };
      }) => usersApi.update(id, body),
      onSettled,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password: string }) =>
        usersApi.resetPassword(id, password),
      onSettled,
    }),
    unlock: useMutation({ mutationFn: (id: string) => usersApi.unlock(id), onSettled }),
    addRole: useMutation({
      mutationFn: ({ id, role, orgId }: { id: string; role: RoleCode; orgId: string | null }) =>
        usersApi.addRole(id, role, orgId),
      onSettled,
    }),
    removeRole: useMutation({
      mutationFn: ({ id, assignmentId }: { id: string; assignmentId: string }) =>
        usersApi.removeRole(id, assignmentId),
      onSettled,
    }),
  };
}
