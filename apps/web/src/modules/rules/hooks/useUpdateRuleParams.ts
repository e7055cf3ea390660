import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateRuleParamsRequest } from '@zhibu/shared/api';
import { rulesApi } from '../api/rulesApi.ts';
import { ruleKeys } from './ruleKeys.ts';

/** Saves a rule's parameters (system administrators); warnings are recomputed with them. */
export function useUpdateRuleParams() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRuleParamsRequest }) =>
      rulesApi.updateParams(id, body),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
        queryClient.invalidateQueries({ queryKey: ruleKeys.warnings }),
      ]);
    },
  });
}
