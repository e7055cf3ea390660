import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMemberRequest, LeaveMemberRequest, UpdateMemberRequest } from '@zhibu/shared/api';
import { orgKeys } from '../../orgs/hooks/orgKeys.ts';
import { membersApi } from '../api/membersApi.ts';
import type { RevealField } from '../api/RevealField.ts';
import { memberKeys } from './memberKeys.ts';

/** Create, edit, leave (减少) and reveal; writes refresh member lists and org member counts. */
export function useMemberMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.all }),
      queryClient.invalidateQueries({ queryKey: orgKeys.all }),
    ]);
  };
  return {
    create: useMutation({ mutationFn: (body: CreateMemberRequest) => membersApi.create(body), onSettled }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateMemberRequest }) => membersApi.update(id, body),
      onSettled,
    }),
    leave: useMutation({
      mutationFn: ({ id, body }: { id: string; body: LeaveMemberRequest }) => membersApi.leave(id, body),
      onSettled,
    }),
    // Audited on the server; nothing cached changes.
    reveal: useMutation({
      mutationFn: ({ id, field }: { id: string; field: RevealField }) => membersApi.reveal(id, field),
    }),
  };
}
