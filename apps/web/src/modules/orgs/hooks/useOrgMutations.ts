import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgRequest,
  DissolveOrgRequest,
  MoveOrgRequest,
  UpdateOrgRequest,
} from '@zhibu/shared/api';
import { orgsApi } from '../api/orgsApi.ts';
import { orgKeys } from './orgKeys.ts';

/** Create, edit, move and dissolve; each refreshes every cached org list, tree level and detail. */
export function useOrgMutations() {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: orgKeys.all });
  return {
    create: useMutation({ mutationFn: (body: CreateOrgRequest) => orgsApi.create(body), onSettled }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateOrgRequest }) => orgsApi.update(id, body),
      onSettled,
    }),
    move: useMutation({
      mutationFn: ({ id, body }: { id: string; body: MoveOrgRequest }) => orgsApi.move(id, body),
      onSettled,
    }),
    dissolve: useMutation({
      mutationFn: ({ id, body }: { id: string; body: DissolveOrgRequest }) => orgsApi.dissolve(id, body),
      onSettled,
    }),
  };
}
