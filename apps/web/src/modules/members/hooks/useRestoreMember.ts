import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, RestoreMemberRequest } from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import { orgKeys } from '../../orgs/hooks/orgKeys.ts';
import { memberKeys } from './memberKeys.ts';

/** 恢复党籍 / 撤销减少: puts a departed member back on the register. */
export function useRestoreMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RestoreMemberRequest }) =>
      apiClient.post<Member>(`/api/v1/members/${encodeURIComponent(id)}/restore`, body),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        queryClient.invalidateQueries({ queryKey: orgKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['warnings'] }),
      ]);
    },
  });
}
